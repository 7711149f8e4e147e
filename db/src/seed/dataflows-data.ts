/**
 * Seed data for the "dataflows" subgraph: country data-flow policies, transfer mechanisms, dated
 * transfer thresholds and rules, the working comparison of the ASEAN MCC with China's Standard
 * Contract, and illustrative pilots.
 *
 * - Every policy, law, mechanism, threshold, rule and clause row carries the URL its facts were
 *   checked against. Summaries are in our own words. What was not confirmed is null, or listed in
 *   the policy's `unknowns`, never guessed.
 * - Checked on 2026-11-27 against stored copies of public pages (not the live web); many sources are
 *   law-firm or news pages rather than official texts. Transfer rules re-checked on 2026-12-07 and,
 *   where the regulator or gazette publishes the text, cited from it (the `...Text` sources).
 * - Transfer rules are dated: thresholds and rules carry the days they applied, and `regimes` says
 *   for which periods the registry holds a country's whole regime in each direction; outside them
 *   `transferRequirements` answers UNKNOWN. A country without a regime in a direction says why in
 *   its policy's `unknowns`.
 * - The clause comparison is this registry's WORKING comparison. No official MCC–Standard Contract
 *   "Comparative Joint Guide" had been published when it was drafted.
 * - PILOTS ARE ILLUSTRATIVE: no China–ASEAN data-flow pilot was confirmed in a source, so the two
 *   seeded pilots are demo records, named as such, with no source URL.
 * - Regulator ids are organization ids of the contacts seed (contacts-data.ts); they are plain
 *   values here, resolved through the federated `Organization` entity.
 */

export type MechanismKind =
  | 'ASEAN_MCC_C2P'
  | 'ASEAN_MCC_C2C'
  | 'CN_STANDARD_CONTRACT'
  | 'CN_CERTIFICATION'
  | 'CN_SECURITY_ASSESSMENT'
  | 'CONTRACTUAL_CLAUSES'
  | 'BINDING_CORPORATE_RULES'
  | 'APEC_CBPR'
  | 'APEC_PRP'
  | 'DATA_SUBJECT_CONSENT';
export type DataCategory = 'PERSONAL' | 'IMPORTANT' | 'NON_PERSONAL';
export type Circumstance =
  | 'CONTRACT_WITH_INDIVIDUAL'
  | 'CROSS_BORDER_HR_MANAGEMENT'
  | 'EMERGENCY'
  | 'FREE_TRADE_ZONE_OFF_NEGATIVE_LIST'
  | 'FOREIGN_DATA_PASSING_THROUGH'
  | 'PROCESSES_ONE_MILLION_PEOPLE';

const SRC = {
  mcc: 'https://vdocuments.net/asean-digital-senior-officials-meeting-adgsom-january-.html',
  mccAdapt:
    'https://www.globalcompliancenews.com/2021/11/12/asean-adopting-the-asean-model-contractual-clauses-for-cross-border-data-transfers021121/',
  mccFirstJurisdiction:
    'https://www.dataguidance.com/opinion/international-comparing-contractual-clauses-asean',
  mccVoluntary:
    'https://mayerbrown.com/pt/insights/publications/2021/02/finding-harmony-asean-model-contractual-clauses-and-data-management-framework-launched',
  mccNoRights: 'https://www.privacylaws.com/reports-gateway/articles/int174/int174asean/',
  mccAdopted:
    'https://www.engage.hoganlovells.com/knowledgeservices/news/asean-launches-model-contractual-clauses-for-cross-border-data-transfers',
  mccSingapore:
    'https://www.allenovery.com/en-gb/global/blogs/digital-hub/international-asean-proposes-model-clauses-for-international-data-transfers',
  jointGuideAreas: 'https://www.privacyworld.blog/?p=9004',
  jointGuideImplementation:
    'https://www.privacyworld.blog/2024/02/asean-and-eu-finalise-implementation-guide-for-cross-border-data-transfers/',
  jointGuideModules:
    'https://www.twobirds.com/en/capabilities/practices/digital-rights-and-assets/apac-dra/apac-dsd/privacy-and-data-protection/singapore/joint-guide-on-asean-and-eu-model-contractual-clauses',
  scMeasuresArt6: 'https://www.lexiscn.com/pghottopic/pg_ce/cn/pg_ce85.html',
  scMeasures:
    'https://www.chinalawandpractice.com/2023/05/12/measures-for-the-standard-contract-for-overseas-transfer-of-personal-information',
  scFiling: 'https://rplawyers.cn/qa-on-export-of-personal-information-under-the-standard-contract',
  scFiling2023Counting:
    'https://www.mondaq.com:443/china/data-protection/1348002/filing-the-standard-contract-for-outbound-transfers-of-personal-information',
  pipl: 'https://iapp.org/resources/article/personal-information-protection-law-peoples-republic-of-china-english-translation/',
  piplCac: 'https://personalinformationprotectionlaw.com/PIPL/tag/state-cyberspace-administration/',
  cnProvisions2024:
    'https://www.chinalawandpractice.com/2024/03/25/provisions-for-regulating-and-promoting-the-cross-border-flow-of-data',
  sgReg10: 'https://laws.sg/legislation/sub-leg-2012-pdpa-s63-2021/reg-10',
  sgReg11: 'https://laws.sg/legislation/sub-leg-2012-pdpa-s63-2021/reg-11',
  sgCbpr: 'https://gpg-pdf.chambers.com/view/731628805/409/',
  sgPdpa:
    'https://cms.law/en/int/expert-guides/cms-expert-guide-to-data-protection-and-cyber-security-laws/singapore',
  sgInForce: 'https://papers.ssrn.com/sol3/papers.cfm?abstract_id=2516735',
  my129: 'https://mylaw.my/legislation/act-2010-709/section-129',
  myGuideline:
    'https://www.roedl.com/en-GB/de/insights/Pages/newsflash-malaysia/2025_05/malaysia-part3-personal-data-protection-amendment-act-2024.aspx',
  mySafeguards:
    'https://peopleofinternet.com/articles/malaysia-scraps-its-data-whitelist-a-pragmatic-pivot-for-asi.html',
  myAmendment:
    'https://www.mayerbrown.com/ja/insights/publications/2025/07/from-legislative-reform-to-practical-guidance-key-amendments-to-malaysias-pdpa-and-the-launch-of-cross-border-transfer-guidelines',
  myPdpa: 'https://www.kensington-trust.com/malaysia-personal-data-protection-act-2010/',
  myRegulator: 'https://www.worldipreview.com/article/personal-data-protection-in-malaysia',
  thPdpa: 'https://asiasociety.org/policy-institute/raising-standards-data-ai-southeast-asia/data/thailand',
  thNotifications: 'https://www.tmi.gr.jp/eyes/blog/2024/15450.html',
  thSection29: 'https://thelegal.co.th/tag/pdpa/page/3/',
  phDpa:
    'https://www.respicio.ph/commentaries/overview-of-ra-10173-data-privacy-act-of-2012-in-the-philippines',
  phNpc:
    'https://respicio.ph/commentaries/data-privacy-act-compliance-and-national-privacy-commission-registration',
  idPdp:
    'https://www.datapribadi.id/legal-analysis/bagian-iv---pedoman-singkat-dalam-memahami-data-pribadi--penyelesaian-sengketa-dan-sanksi-pidana.html',
  idAuthority:
    'https://resourcehub.bakermckenzie.com/en/resources/cloud-compliance-center/apac/indonesia/topics/data-privacy-and-security',
  vnDecree13: 'https://www.e-alin.org/eng/legislative/L/546/view.do',
  vnPdpLaw: 'https://www.recordinglaw.com/world-laws/world-data-privacy-laws/vietnam-data-privacy-laws/',
  bnPdpo: 'https://thescoop.co/2025/03/08/brunei-enacts-new-law-giving-citizens-control-over-personal-data',
  bnRegulator: 'https://globalprivacylaws.com/laws/pdpo-brunei/',
  khDraft:
    'https://mondaq.com/security/1491068/regional-guide-to-cybersecurity-and-data-protection-in-mainland-southeast-asia',
  laLaw: 'http://worldlii.org/int/other/NDPrivLegis/2017/15.html',
  laRegulator: 'https://www.dataguidance.com/jurisdiction/lao-pdr',
  mmEtl: 'https://eoasis.rajahtann.com/eoasis/gn/regionnews.asp?c=8&id=1008&n=32',
  tlAsean: 'https://www.lokmattimes.com/international/timor-leste-becomes-11th-member-of-asean/',
  // Checked 2026-12-07. Primary texts where the regulator or gazette publishes them.
  cnPiplText: 'https://www.cac.gov.cn/2021-08/20/c_1631050028355286.htm',
  cnSaMeasuresText: 'https://www.cac.gov.cn/2022-07/07/c_1658811536396503.htm',
  cnScMeasuresText: 'https://www.cac.gov.cn/2023-02/24/c_1678884830036813.htm',
  cnProvisionsText: 'https://www.cac.gov.cn/2024-03/22/c_1712776611775634.htm',
  sgPdpaText: 'https://sso.agc.gov.sg/Act/PDPA2012',
  sgPdpr2021Text: 'https://sso.agc.gov.sg/SL/PDPA2012-S63-2021',
  sgInbound:
    'https://www.pdpc.gov.sg/guidelines-and-consultation/2020/03/advisory-guidelines-on-key-concepts-in-the-personal-data-protection-act',
  myAmendmentActPage: 'https://www.pdp.gov.my/ppdpv1/en/akta/personal-data-protection-amendment-act-2024/',
  myCbpdtGuideline: 'https://www.pdp.gov.my/ppdpv1/wp-content/uploads/2025/08/GP_CBPDT_EN-1.pdf',
  myS129InForce:
    'https://www.skrine.com/insights/alerts/may-2025/cross-border-personal-data-transfer-guidelines-lau',
  myNoWhitelist:
    'https://nzchambers.com/cross-border-personal-data-transfer-guidelines-everything-you-need-to-know/',
  idPdpLawText: 'https://peraturan.bpk.go.id/Details/229798/uu-no-27-tahun-2022',
  idNoImplementingRegulation:
    'https://splawoffice.co.id/aturan-dan-risiko-transfer-data-pribadi-antarnegara-ini-penjelasan-hukumnya',
  phDpaText: 'https://privacy.gov.ph/data-privacy-act/',
  phIrrText: 'https://privacy.gov.ph/implementing-rules-regulations-data-privacy-act-2012/',
  phIrrInForce: 'https://conventuslaw.com/?p=54480',
  phForeignData:
    'https://platform.dataguidance.com/opinion/philippines-data-privacy-act-2012-%E2%80%93-understanding',
  vnDecree13Transfer: 'https://cdlaf.vn/en/personal-data-transfer-abroad-impact-assessment-dossier-2',
  vnPdpLaw2025Transfer: 'https://privacycompliance.vn/?p=1228',
} as const;

export interface SeedMechanism {
  kind: MechanismKind;
  title: string;
  issuer: string;
  adoptedOn: string | null;
  inForceOn: string | null;
  version: string | null;
  summary: string;
  sourceUrl: string;
}

export const mechanisms: readonly SeedMechanism[] = [
  {
    kind: 'ASEAN_MCC_C2P',
    title: 'ASEAN Model Contractual Clauses for Cross Border Data Flows — Module 1 (controller-to-processor)',
    issuer: 'ASEAN (endorsed by the ASEAN Digital Senior Officials’ Meeting, January 2021)',
    adoptedOn: '2021-01-22',
    inForceOn: null,
    version: 'January 2021',
    summary:
      'Voluntary template clauses for a controller sending personal data to a processor acting on its behalf in another jurisdiction; parties may adapt them.',
    sourceUrl: SRC.mcc,
  },
  {
    kind: 'ASEAN_MCC_C2C',
    title:
      'ASEAN Model Contractual Clauses for Cross Border Data Flows — Module 2 (controller-to-controller)',
    issuer: 'ASEAN (endorsed by the ASEAN Digital Senior Officials’ Meeting, January 2021)',
    adoptedOn: '2021-01-22',
    inForceOn: null,
    version: 'January 2021',
    summary:
      'Voluntary template clauses for a controller sending personal data to another controller that decides its own processing; parties may adapt them.',
    sourceUrl: SRC.mcc,
  },
  {
    kind: 'CN_STANDARD_CONTRACT',
    title: 'Standard Contract for Outbound Transfer of Personal Information (CAC Order No. 13)',
    issuer: 'Cyberspace Administration of China',
    adoptedOn: '2023-02-22',
    inForceOn: '2023-06-01',
    version: '2023 template',
    summary:
      'A fixed contract form between a personal-information handler in China and the overseas recipient, one of the PIPL Art. 38 routes; filed with the provincial CAC after signing.',
    sourceUrl: SRC.cnScMeasuresText,
  },
  {
    kind: 'CN_CERTIFICATION',
    title: 'Personal-information protection certification (PIPL Art. 38(2))',
    issuer: 'Specialised certification bodies, under rules of the Cyberspace Administration of China',
    adoptedOn: null,
    inForceOn: '2021-11-01',
    version: null,
    summary:
      'Certification of the transfer arrangement by a specialised body, one of the PIPL Art. 38 routes; details of the certification scheme are not recorded here.',
    sourceUrl: SRC.cnPiplText,
  },
  {
    kind: 'CN_SECURITY_ASSESSMENT',
    title: 'Security assessment of outbound data organised by the CAC (PIPL Art. 38(1), Art. 40)',
    issuer: 'Cyberspace Administration of China',
    adoptedOn: null,
    inForceOn: '2021-11-01',
    version: null,
    summary:
      'A security assessment organised by the state cyberspace administration; required for the largest volumes, for CIIOs and for important data. The Security Assessment Measures (CAC Order No. 11) govern it from 1 September 2022.',
    sourceUrl: SRC.cnSaMeasuresText,
  },
  {
    kind: 'CONTRACTUAL_CLAUSES',
    title: 'Transfer contract binding the recipient to comparable protection',
    issuer: 'National law of the exporting country (varies)',
    adoptedOn: null,
    inForceOn: null,
    version: null,
    summary:
      'A contract under which the recipient must protect the data to a standard comparable to the exporting country’s law; the required content differs by country.',
    sourceUrl: SRC.sgReg11,
  },
  {
    kind: 'BINDING_CORPORATE_RULES',
    title: 'Binding corporate rules for transfers within a corporate group',
    issuer: 'National law of the exporting country (varies)',
    adoptedOn: null,
    inForceOn: null,
    version: null,
    summary:
      'Group-wide rules binding related recipients to comparable protection; usable only between related entities.',
    sourceUrl: SRC.sgReg11,
  },
  {
    kind: 'APEC_CBPR',
    title: 'APEC Cross-Border Privacy Rules (CBPR) System certification',
    issuer: 'APEC',
    adoptedOn: null,
    inForceOn: null,
    version: null,
    summary:
      'A recipient certified under the APEC CBPR System; Singapore treats it as bound to comparable protection.',
    sourceUrl: SRC.sgCbpr,
  },
  {
    kind: 'APEC_PRP',
    title: 'APEC Privacy Recognition for Processors (PRP) System certification',
    issuer: 'APEC',
    adoptedOn: null,
    inForceOn: null,
    version: null,
    summary:
      'A processor certified under the APEC PRP System; Singapore treats it as bound to comparable protection.',
    sourceUrl: SRC.sgCbpr,
  },
  {
    kind: 'DATA_SUBJECT_CONSENT',
    title: 'Consent of the individual to the transfer',
    issuer: 'National law of the exporting country (varies)',
    adoptedOn: null,
    inForceOn: null,
    version: null,
    summary:
      'The individual agrees to the transfer; some laws attach conditions (Singapore: a written summary of the protection abroad first).',
    sourceUrl: SRC.sgReg10,
  },
];

export interface SeedLaw {
  id: string;
  countryCode: string;
  name: string;
  year: number | null;
  inForceOn: string | null;
  summary: string;
  sourceUrl: string;
}

export const laws: readonly SeedLaw[] = [
  {
    id: 'bn-pdpo-2025',
    countryCode: 'BN',
    name: 'Personal Data Protection Order 2025',
    year: 2025,
    inForceOn: null,
    summary:
      'Approved in January 2025 and phased in with a one-year grace period; covers the private sector and NGOs. Exact in-force date not confirmed.',
    sourceUrl: SRC.bnPdpo,
  },
  {
    id: 'id-pdp-2022',
    countryCode: 'ID',
    name: 'Law No. 27 of 2022 on Personal Data Protection',
    year: 2022,
    inForceOn: null,
    summary:
      'Enacted 17 October 2022, with a two-year transition that ended on 17 October 2024; Art. 56 governs transfers abroad.',
    sourceUrl: SRC.idPdp,
  },
  {
    id: 'la-edp-2017',
    countryCode: 'LA',
    name: 'Law on Electronic Data Protection No. 25/NA',
    year: 2017,
    inForceOn: null,
    summary: 'Adopted 12 May 2017 and promulgated by Presidential Decree 117/P on 23 June 2017.',
    sourceUrl: SRC.laLaw,
  },
  {
    id: 'my-pdpa-2010',
    countryCode: 'MY',
    name: 'Personal Data Protection Act 2010 (Act 709)',
    year: 2010,
    inForceOn: '2013-11-15',
    summary:
      'Gazetted 10 June 2010 and in force since 15 November 2013; covers commercial processing of personal data.',
    sourceUrl: SRC.myPdpa,
  },
  {
    id: 'my-pdpa-amendment-2024',
    countryCode: 'MY',
    name: 'Personal Data Protection (Amendment) Act 2024',
    year: 2024,
    inForceOn: null,
    summary:
      'Brought into force in stages between January and June 2025: replaces the never-used transfer whitelist, adds breach notification, data protection officers and portability.',
    sourceUrl: SRC.myAmendment,
  },
  {
    id: 'mm-etl-amendment-2021',
    countryCode: 'MM',
    name: 'Law 07/2021 amending the Electronic Transactions Law',
    year: 2021,
    inForceOn: null,
    summary:
      'Added personal-data sections 27-A to 27-C to the Electronic Transactions Law on 15 February 2021; Myanmar has no standalone data protection law.',
    sourceUrl: SRC.mmEtl,
  },
  {
    id: 'ph-dpa-2012',
    countryCode: 'PH',
    name: 'Data Privacy Act of 2012 (Republic Act No. 10173)',
    year: 2012,
    inForceOn: null,
    summary:
      'Enacted 15 August 2012; implementing rules followed in 2016. The day it took effect is not confirmed.',
    sourceUrl: SRC.phDpa,
  },
  {
    id: 'ph-dpa-irr-2016',
    countryCode: 'PH',
    name: 'Implementing Rules and Regulations of the Data Privacy Act of 2012',
    year: 2016,
    inForceOn: '2016-09-09',
    summary:
      'Issued by the National Privacy Commission in August 2016 and in force fifteen days after publication, on 9 September 2016.',
    sourceUrl: SRC.phIrrInForce,
  },
  {
    id: 'sg-pdpa-2012',
    countryCode: 'SG',
    name: 'Personal Data Protection Act 2012',
    year: 2012,
    inForceOn: '2014-07-02',
    summary:
      'Singapore’s general data protection law, administered by the PDPC; its data protection provisions took effect on 2 July 2014.',
    sourceUrl: SRC.sgInForce,
  },
  {
    id: 'sg-pdpr-2021',
    countryCode: 'SG',
    name: 'Personal Data Protection Regulations 2021',
    year: 2021,
    inForceOn: null,
    summary:
      'Part 3 sets the requirements for transfers out of Singapore (regulations 10 and 11) for transfers made on or after 1 February 2021.',
    sourceUrl: SRC.sgPdpr2021Text,
  },
  {
    id: 'th-pdpa-2019',
    countryCode: 'TH',
    name: 'Personal Data Protection Act B.E. 2562 (2019)',
    year: 2019,
    inForceOn: '2022-06-01',
    summary:
      'Published 27 May 2019 and fully in force since 1 June 2022; regulator is the Personal Data Protection Committee.',
    sourceUrl: SRC.thPdpa,
  },
  {
    id: 'th-transfer-notifications-2023',
    countryCode: 'TH',
    name: 'PDPC Notifications on cross-border transfer under Sections 28 and 29 (B.E. 2566 / 2023)',
    year: 2023,
    inForceOn: '2024-03-24',
    summary:
      'Published in the Royal Gazette on 25 December 2023, in force 24 March 2024: adequacy criteria (s.28) and binding corporate rules or appropriate safeguards (s.29).',
    sourceUrl: SRC.thNotifications,
  },
  {
    id: 'vn-decree-13-2023',
    countryCode: 'VN',
    name: 'Decree 13/2023/ND-CP on Personal Data Protection',
    year: 2023,
    inForceOn: '2023-07-01',
    summary: 'Issued 17 April 2023, in force 1 July 2023.',
    sourceUrl: SRC.vnDecree13,
  },
  {
    id: 'vn-pdp-law-2025',
    countryCode: 'VN',
    name: 'Law on Personal Data Protection No. 91/2025/QH15',
    year: 2025,
    inForceOn: '2026-01-01',
    summary: 'Passed 26 June 2025, in force 1 January 2026.',
    sourceUrl: SRC.vnPdpLaw,
  },
  {
    id: 'cn-pipl-2021',
    countryCode: 'CN',
    name: 'Personal Information Protection Law',
    year: 2021,
    inForceOn: '2021-11-01',
    summary:
      'Adopted 20 August 2021, in force 1 November 2021. Art. 38 sets the routes for sending personal information abroad: CAC security assessment, certification, or the CAC standard contract; Art. 39 requires notice and separate consent; Art. 40 requires critical information infrastructure operators to store in China.',
    sourceUrl: SRC.cnPiplText,
  },
  {
    id: 'cn-security-assessment-measures-2022',
    countryCode: 'CN',
    name: 'Measures for the Security Assessment of Outbound Data Transfers (CAC Order No. 11)',
    year: 2022,
    inForceOn: '2022-09-01',
    summary:
      'Promulgated 7 July 2022, in force 1 September 2022: a CAC security assessment for important data, for critical information infrastructure operators and handlers processing 1,000,000 people’s personal information, and for handlers that have sent abroad 100,000 people’s personal information (10,000 people’s sensitive personal information) since 1 January of the previous year.',
    sourceUrl: SRC.cnSaMeasuresText,
  },
  {
    id: 'cn-standard-contract-measures-2023',
    countryCode: 'CN',
    name: 'Measures for the Standard Contract for Outbound Transfer of Personal Information (CAC Order No. 13)',
    year: 2023,
    inForceOn: '2023-06-01',
    summary:
      'Promulgated 22 February 2023, in force 1 June 2023; sets when and how the standard contract is used and filed.',
    sourceUrl: SRC.cnScMeasuresText,
  },
  {
    id: 'cn-cross-border-provisions-2024',
    countryCode: 'CN',
    name: 'Provisions on Promoting and Regulating Cross-Border Data Flows',
    year: 2024,
    inForceOn: '2024-03-22',
    summary:
      'Issued and in force 22 March 2024: exempts smaller volumes, contract necessity, cross-border HR management, emergencies and data passing through from assessment, contract and certification, lets pilot free trade zones set negative lists, and resets the counting period to the current year.',
    sourceUrl: SRC.cnProvisionsText,
  },
];

export interface SeedPolicy {
  countryCode: string;
  summary: string;
  regulatorOrganizationId: string | null;
  regulatorNote: string | null;
  localisation: string | null;
  filingObligations: string | null;
  unknowns: string[];
  lastReviewedOn: string;
  sourceUrl: string;
}

const REVIEWED = '2026-12-07';

export const policies: readonly SeedPolicy[] = [
  {
    countryCode: 'BN',
    summary:
      'Brunei enacted the Personal Data Protection Order 2025, phased in with a one-year grace period. Its cross-border transfer rules were not researched here.',
    regulatorOrganizationId: 'bn-aiti',
    regulatorNote: 'AITI administers the PDPO (secondary source).',
    localisation: null,
    filingObligations: null,
    unknowns: [
      'PDPO in-force date',
      'outbound transfer rule: the PDPO’s transfer provisions and the day they apply were not confirmed in a source read',
      'inbound transfer rule: how the PDPO treats personal data received from abroad was not confirmed in a source read',
      'recognised transfer mechanisms',
      'localisation',
    ],
    lastReviewedOn: REVIEWED,
    sourceUrl: SRC.bnPdpo,
  },
  {
    countryCode: 'KH',
    summary:
      'Cambodia has no comprehensive data protection law; the Ministry of Post and Telecommunications finished a first draft in November 2022.',
    regulatorOrganizationId: null,
    regulatorNote: 'No data protection authority confirmed.',
    localisation: null,
    filingObligations: null,
    unknowns: [
      'regulator',
      'outbound transfer rule: Cambodia has no comprehensive data protection law in force (a first draft was finished in November 2022)',
      'inbound transfer rule: no comprehensive data protection law in force',
      'recognised transfer mechanisms',
      'localisation',
    ],
    lastReviewedOn: REVIEWED,
    sourceUrl: SRC.khDraft,
  },
  {
    countryCode: 'ID',
    summary:
      'Indonesia’s Law 27/2022 on Personal Data Protection has applied fully since the transition ended on 17 October 2024. Art. 56 lets personal data go abroad to a country with equal or higher protection, else under adequate and binding safeguards, else with the data subject’s consent; the supervisory authority is left to implementing regulation.',
    regulatorOrganizationId: null,
    regulatorNote:
      'The law leaves the authority to implementing regulation; whether it now exists is not confirmed.',
    localisation: null,
    filingObligations: null,
    unknowns: [
      'regulator',
      'outbound transfer rule before 17 October 2024: the rules during the Law’s transition were not researched',
      'the Government Regulation detailing Art. 56 (none found in a source read)',
      'inbound transfer rule: how Law 27/2022 treats personal data received from abroad was not confirmed in a source read',
      'localisation',
    ],
    lastReviewedOn: REVIEWED,
    sourceUrl: SRC.idAuthority,
  },
  {
    countryCode: 'LA',
    summary: 'Lao PDR has the Law on Electronic Data Protection (No. 25/NA, 2017).',
    regulatorOrganizationId: null,
    regulatorNote: 'A secondary source names a ministry; not confirmed.',
    localisation: null,
    filingObligations: null,
    unknowns: [
      'regulator',
      'outbound transfer rule: the 2017 Law’s provisions on sending data abroad were not read in a source',
      'inbound transfer rule: the 2017 Law’s treatment of data received from abroad was not read in a source',
      'recognised transfer mechanisms',
      'localisation',
    ],
    lastReviewedOn: REVIEWED,
    sourceUrl: SRC.laRegulator,
  },
  {
    countryCode: 'MY',
    summary:
      'Malaysia’s PDPA 2010 (s.129) governs transfers abroad. The 2024 amendment, in force for s.129 from 1 April 2025, removed the never-used whitelist; transfers may rely on a substantially similar law or adequate protection (with a transfer impact assessment), or on exceptions such as consent.',
    regulatorOrganizationId: 'my-jpdp',
    regulatorNote: 'The Personal Data Protection Commissioner, supported by JPDP.',
    localisation: null,
    filingObligations: null,
    unknowns: [
      'inbound transfer rule: how the PDPA treats personal data received from abroad was not confirmed in a source read',
      'localisation',
    ],
    lastReviewedOn: REVIEWED,
    sourceUrl: SRC.myGuideline,
  },
  {
    countryCode: 'MM',
    summary:
      'Myanmar has no standalone data protection law; personal-data sections were added to the Electronic Transactions Law in 2021.',
    regulatorOrganizationId: null,
    regulatorNote: null,
    localisation: null,
    filingObligations: null,
    unknowns: [
      'regulator',
      'outbound transfer rule: whether sections 27-A to 27-C of the Electronic Transactions Law restrict transfers abroad was not confirmed in a source read',
      'inbound transfer rule: not confirmed in a source read',
      'recognised transfer mechanisms',
      'localisation',
    ],
    lastReviewedOn: REVIEWED,
    sourceUrl: SRC.mmEtl,
  },
  {
    countryCode: 'PH',
    summary:
      'The Philippines’ Data Privacy Act of 2012 is administered by the National Privacy Commission. Under its accountability principle (s.21) a controller stays responsible for personal information it sends abroad for processing and secures comparable protection by contract or other reasonable means; personal information collected from foreign residents under their laws and processed in the Philippines is outside the Act (s.4).',
    regulatorOrganizationId: 'ph-npc',
    regulatorNote: null,
    localisation: null,
    filingObligations: null,
    unknowns: [
      'transfer rules before 9 September 2016: the day the Act itself took effect in 2012 is not confirmed',
      'recognised transfer mechanisms',
      'localisation',
    ],
    lastReviewedOn: REVIEWED,
    sourceUrl: SRC.phDpaText,
  },
  {
    countryCode: 'SG',
    summary:
      'Singapore’s PDPA 2012 (s.26, the transfer limitation obligation) lets personal data leave Singapore only to recipients bound by legally enforceable obligations to comparable protection: law, contract (the PDPC encourages the ASEAN MCCs), binding corporate rules, APEC CBPR/PRP certification, or consent after a written summary.',
    regulatorOrganizationId: 'sg-pdpc',
    regulatorNote: null,
    localisation: null,
    filingObligations: null,
    unknowns: [
      'outbound transfer rule before 1 February 2021 (the Personal Data Protection Regulations 2014) is not recorded',
      'localisation',
      'filing obligations',
    ],
    lastReviewedOn: REVIEWED,
    sourceUrl: SRC.sgPdpr2021Text,
  },
  {
    countryCode: 'TH',
    summary:
      'Thailand’s PDPA B.E. 2562 allows transfers to destinations with adequate protection (s.28) or under PDPC-certified binding corporate rules or appropriate safeguards (s.29); the PDPC’s criteria took effect on 24 March 2024.',
    regulatorOrganizationId: 'th-pdpc',
    regulatorNote: null,
    localisation: null,
    filingObligations: null,
    unknowns: [
      'adequate destinations listed by the PDPC',
      'inbound transfer rule: how the PDPA treats personal data received from abroad was not confirmed in a source read',
      'localisation',
    ],
    lastReviewedOn: REVIEWED,
    sourceUrl: SRC.thNotifications,
  },
  {
    countryCode: 'VN',
    summary:
      'Viet Nam regulates personal data under Decree 13/2023 (from 1 July 2023) and the Law on Personal Data Protection (from 1 January 2026). Both make a transfer abroad depend on an impact assessment dossier filed with the Ministry of Public Security within 60 days.',
    regulatorOrganizationId: 'vn-a05',
    regulatorNote: 'The Ministry of Public Security’s A05 department, according to a secondary source.',
    localisation: null,
    filingObligations:
      'A transfer impact assessment dossier is sent to the Ministry of Public Security within 60 days (Decree 13/2023 Art. 25; the 2025 Law).',
    unknowns: [
      'the exemptions from the transfer dossier under the 2025 Law',
      'inbound transfer rule: how Vietnamese law treats personal data of foreigners received from abroad was not confirmed in a source read',
      'recognised transfer mechanisms',
      'localisation',
    ],
    lastReviewedOn: REVIEWED,
    sourceUrl: SRC.vnPdpLaw,
  },
  {
    countryCode: 'TL',
    summary: 'No data protection law or authority for Timor-Leste was found.',
    regulatorOrganizationId: null,
    regulatorNote: null,
    localisation: null,
    filingObligations: null,
    unknowns: [
      'data protection law',
      'regulator',
      'outbound transfer rule: no data protection law was found',
      'inbound transfer rule: no data protection law was found',
      'localisation',
    ],
    lastReviewedOn: REVIEWED,
    sourceUrl: SRC.tlAsean,
  },
  {
    countryCode: 'CN',
    summary:
      'China’s PIPL (Art. 38, in force 1 November 2021) allows personal information abroad through a CAC security assessment, certification or the CAC standard contract. The Security Assessment Measures (from 1 September 2022) and the Standard Contract Measures (from 1 June 2023) set volume bands; since 22 March 2024 the Provisions on Promoting and Regulating Cross-Border Data Flows raise them and exempt smaller volumes, contract necessity, cross-border HR management, emergencies and free trade zone data off the zones’ negative lists.',
    regulatorOrganizationId: 'cn-cac',
    regulatorNote: 'The "state cyberspace administration" of the PIPL.',
    localisation:
      'PIPL Art. 40: critical information infrastructure operators, and handlers reaching volumes set by the CAC, store personal information collected in China within China; sending it abroad needs a CAC security assessment.',
    filingObligations:
      'A signed standard contract is filed with the provincial CAC within 10 working days of taking effect (Standard Contract Measures, Art. 7); a security assessment is declared through the provincial CAC to the national CAC.',
    unknowns: [
      'transfer rules before 1 November 2021 (the Cybersecurity Law of 2017) are not recorded',
      'the Network Data Security Management Regulations (in force 1 January 2025) are not recorded',
      'the free trade zones’ negative lists',
    ],
    lastReviewedOn: REVIEWED,
    sourceUrl: SRC.cnPiplText,
  },
];

export interface SeedPolicyMechanism {
  countryCode: string;
  mechanismKind: MechanismKind;
  basis: string;
  sourceUrl: string;
}

export const policyMechanisms: readonly SeedPolicyMechanism[] = [
  {
    countryCode: 'SG',
    mechanismKind: 'CONTRACTUAL_CLAUSES',
    basis: 'PDPR 2021 reg. 11(1)(b) and 11(2)',
    sourceUrl: SRC.sgReg11,
  },
  {
    countryCode: 'SG',
    mechanismKind: 'ASEAN_MCC_C2C',
    basis:
      'The PDPC encourages the MCCs to meet the transfer requirement, with its own guidance on adapting them',
    sourceUrl: SRC.mccSingapore,
  },
  {
    countryCode: 'SG',
    mechanismKind: 'ASEAN_MCC_C2P',
    basis:
      'The PDPC encourages the MCCs to meet the transfer requirement, with its own guidance on adapting them',
    sourceUrl: SRC.mccSingapore,
  },
  {
    countryCode: 'SG',
    mechanismKind: 'BINDING_CORPORATE_RULES',
    basis: 'PDPR 2021 reg. 11(1)(c) and 11(3), for related recipients only',
    sourceUrl: SRC.sgReg11,
  },
  {
    countryCode: 'SG',
    mechanismKind: 'APEC_CBPR',
    basis: 'PDPR 2021: a CBPR-certified recipient is taken to be bound to comparable protection',
    sourceUrl: SRC.sgCbpr,
  },
  {
    countryCode: 'SG',
    mechanismKind: 'APEC_PRP',
    basis: 'PDPR 2021: a PRP-certified recipient is taken to be bound to comparable protection',
    sourceUrl: SRC.sgCbpr,
  },
  {
    countryCode: 'SG',
    mechanismKind: 'DATA_SUBJECT_CONSENT',
    basis: 'PDPR 2021 reg. 10(2)(a) and 10(3): consent counts only after a reasonable written summary',
    sourceUrl: SRC.sgReg10,
  },
  {
    countryCode: 'MY',
    mechanismKind: 'DATA_SUBJECT_CONSENT',
    basis: 'PDPA s.129(3)(a)',
    sourceUrl: SRC.my129,
  },
  {
    countryCode: 'MY',
    mechanismKind: 'CONTRACTUAL_CLAUSES',
    basis: 'Appropriate safeguards after the 2024 amendment (secondary source)',
    sourceUrl: SRC.mySafeguards,
  },
  {
    countryCode: 'MY',
    mechanismKind: 'BINDING_CORPORATE_RULES',
    basis: 'Appropriate safeguards after the 2024 amendment (secondary source)',
    sourceUrl: SRC.mySafeguards,
  },
  {
    countryCode: 'ID',
    mechanismKind: 'DATA_SUBJECT_CONSENT',
    basis:
      'Law No. 27 of 2022 Art. 56(4): consent when neither equal protection nor binding safeguards are in place',
    sourceUrl: SRC.idPdpLawText,
  },
  {
    countryCode: 'TH',
    mechanismKind: 'BINDING_CORPORATE_RULES',
    basis: 'PDPA s.29: rules reviewed and certified by the PDPC, within an affiliated group',
    sourceUrl: SRC.thSection29,
  },
  {
    countryCode: 'TH',
    mechanismKind: 'CONTRACTUAL_CLAUSES',
    basis: 'PDPA s.29: appropriate safeguards with enforceable rights and remedies',
    sourceUrl: SRC.thSection29,
  },
  {
    countryCode: 'CN',
    mechanismKind: 'CN_SECURITY_ASSESSMENT',
    basis: 'PIPL Art. 38(1), Art. 40; Security Assessment Measures (from 1 September 2022)',
    sourceUrl: SRC.cnPiplText,
  },
  {
    countryCode: 'CN',
    mechanismKind: 'CN_CERTIFICATION',
    basis: 'PIPL Art. 38(2)',
    sourceUrl: SRC.cnPiplText,
  },
  {
    countryCode: 'CN',
    mechanismKind: 'CN_STANDARD_CONTRACT',
    basis: 'PIPL Art. 38(3); Standard Contract Measures (from 1 June 2023)',
    sourceUrl: SRC.cnScMeasuresText,
  },
];

export interface SeedThreshold {
  id: string;
  countryCode: string;
  dataCategory: DataCategory;
  sensitivity: 'ANY' | 'SENSITIVE' | 'NON_SENSITIVE';
  exporterProfile: 'ANY' | 'CIIO' | 'NON_CIIO';
  minSubjects: number | null;
  maxSubjects: number | null;
  countingPeriod: string | null;
  /** A circumstance the row depends on; omitted when none. */
  circumstance?: Circumstance;
  /** With `circumstance`: false when the row applies only if it does NOT hold. @default true */
  circumstanceHolds?: boolean;
  outcome: 'EXEMPT' | 'ANY_OF_MECHANISMS';
  mechanismKinds: MechanismKind[];
  summary: string;
  legalBasis: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  sourceUrl: string;
}

const CURRENT_YEAR = 'cumulative since 1 January of the current year';
const PREVIOUS_YEAR = 'cumulative since 1 January of the previous year';
const PIPL = 'Personal Information Protection Law';
const SA_MEASURES = 'Measures for the Security Assessment of Outbound Data Transfers (CAC Order No. 11)';
const SC_MEASURES =
  'Measures for the Standard Contract for Outbound Transfer of Personal Information (CAC Order No. 13)';
const PROVISIONS_2024 = 'Provisions on Promoting and Regulating Cross-Border Data Flows (2024)';
const SA_AND_SC = `${SA_MEASURES} Art. 4; ${SC_MEASURES} Art. 4`;

/** China's bands for a regime in which the 2022 Security Assessment Measures decided the assessment. */
function securityAssessmentBands(
  prefix: string,
  effectiveFrom: string,
  effectiveTo: string,
  otherRoutes: { summary: string; legalBasis: string; sourceUrl: string },
): SeedThreshold[] {
  const base = {
    countryCode: 'CN',
    dataCategory: 'PERSONAL' as const,
    exporterProfile: 'NON_CIIO' as const,
    countingPeriod: PREVIOUS_YEAR,
    outcome: 'ANY_OF_MECHANISMS' as const,
    effectiveFrom,
    effectiveTo,
  };
  const assessment = {
    ...base,
    mechanismKinds: ['CN_SECURITY_ASSESSMENT'] as MechanismKind[],
    legalBasis: `${SA_MEASURES} Art. 4`,
    sourceUrl: SRC.cnSaMeasuresText,
  };
  const other = {
    ...base,
    circumstance: 'PROCESSES_ONE_MILLION_PEOPLE' as const,
    circumstanceHolds: false,
    mechanismKinds: ['CN_STANDARD_CONTRACT', 'CN_CERTIFICATION'] as MechanismKind[],
    legalBasis: otherRoutes.legalBasis,
    sourceUrl: otherRoutes.sourceUrl,
  };
  return [
    {
      ...other,
      id: `${prefix}-pi-other-routes`,
      sensitivity: 'NON_SENSITIVE',
      minSubjects: null,
      maxSubjects: 100_000,
      summary: `Fewer than 100,000 people’s personal information sent abroad since 1 January of the previous year, by a handler that processes fewer than 1,000,000 people’s in all: ${otherRoutes.summary}`,
    },
    {
      ...assessment,
      id: `${prefix}-pi-assessment`,
      sensitivity: 'NON_SENSITIVE',
      minSubjects: 100_000,
      maxSubjects: null,
      summary:
        'A handler that has sent abroad personal information of 100,000 people or more since 1 January of the previous year needs a CAC security assessment (Art. 4(3); exactly 100,000 is on this side).',
    },
    {
      ...other,
      id: `${prefix}-spi-other-routes`,
      sensitivity: 'SENSITIVE',
      minSubjects: null,
      maxSubjects: 10_000,
      summary: `Fewer than 10,000 people’s sensitive personal information sent abroad since 1 January of the previous year, by a handler that processes fewer than 1,000,000 people’s personal information in all: ${otherRoutes.summary}`,
    },
    {
      ...assessment,
      id: `${prefix}-spi-assessment`,
      sensitivity: 'SENSITIVE',
      minSubjects: 10_000,
      maxSubjects: null,
      summary:
        'A handler that has sent abroad sensitive personal information of 10,000 people or more since 1 January of the previous year needs a CAC security assessment (Art. 4(3)).',
    },
    {
      ...assessment,
      id: `${prefix}-large-processor`,
      sensitivity: 'ANY',
      minSubjects: null,
      maxSubjects: null,
      countingPeriod: null,
      circumstance: 'PROCESSES_ONE_MILLION_PEOPLE',
      summary:
        'A handler that processes the personal information of 1,000,000 people or more needs a CAC security assessment to send any personal information abroad (Art. 4(2)).',
    },
    {
      ...assessment,
      id: `${prefix}-ciio`,
      sensitivity: 'ANY',
      exporterProfile: 'CIIO',
      minSubjects: null,
      maxSubjects: null,
      countingPeriod: null,
      summary:
        'A critical information infrastructure operator needs a CAC security assessment to send any personal information abroad (Art. 4(2)).',
    },
  ];
}

/** An exemption the 2024 Provisions grant for a circumstance, whatever the volume. */
const provisionsExemption = (
  id: string,
  circumstance: Circumstance,
  summary: string,
  article: string,
): SeedThreshold => ({
  id,
  countryCode: 'CN',
  dataCategory: 'PERSONAL',
  sensitivity: 'ANY',
  exporterProfile: 'ANY',
  minSubjects: null,
  maxSubjects: null,
  countingPeriod: null,
  circumstance,
  outcome: 'EXEMPT',
  mechanismKinds: [],
  summary,
  legalBasis: `${PROVISIONS_2024} ${article}`,
  effectiveFrom: '2024-03-22',
  effectiveTo: null,
  sourceUrl: SRC.cnProvisionsText,
});

/**
 * China's outbound bands, one set per regime: PIPL alone (from 1 November 2021), the Security
 * Assessment Measures (from 1 September 2022), the Standard Contract Measures (from 1 June 2023)
 * and the 2024 Provisions (from 22 March 2024). What each asks of a given transfer is derived from
 * these rows by `transferRequirements`; `regimes` below says which periods they cover.
 */
export const thresholds: readonly SeedThreshold[] = [
  // 1 November 2021 – 31 August 2022: PIPL Arts. 38 and 40, before the CAC's implementing measures.
  {
    id: 'cn-2021-pi-routes',
    countryCode: 'CN',
    dataCategory: 'PERSONAL',
    sensitivity: 'ANY',
    exporterProfile: 'NON_CIIO',
    minSubjects: null,
    maxSubjects: null,
    countingPeriod: null,
    outcome: 'ANY_OF_MECHANISMS',
    mechanismKinds: ['CN_SECURITY_ASSESSMENT', 'CN_CERTIFICATION', 'CN_STANDARD_CONTRACT'],
    summary:
      'Any personal information sent abroad needs one of the PIPL Art. 38 routes: a CAC security assessment, certification by a specialised body, or a contract on the CAC’s standard contract (or other conditions set by law or the CAC).',
    legalBasis: `${PIPL} Art. 38`,
    effectiveFrom: '2021-11-01',
    effectiveTo: '2022-09-01',
    sourceUrl: SRC.cnPiplText,
  },
  {
    id: 'cn-2021-ciio',
    countryCode: 'CN',
    dataCategory: 'PERSONAL',
    sensitivity: 'ANY',
    exporterProfile: 'CIIO',
    minSubjects: null,
    maxSubjects: null,
    countingPeriod: null,
    outcome: 'ANY_OF_MECHANISMS',
    mechanismKinds: ['CN_SECURITY_ASSESSMENT'],
    summary:
      'A critical information infrastructure operator stores personal information collected in China within China and needs a CAC security assessment to provide it abroad.',
    legalBasis: `${PIPL} Art. 40`,
    effectiveFrom: '2021-11-01',
    effectiveTo: '2022-09-01',
    sourceUrl: SRC.cnPiplText,
  },
  // 1 September 2022 – 31 May 2023: the Security Assessment Measures; no standard contract yet.
  ...securityAssessmentBands('cn-2022', '2022-09-01', '2023-06-01', {
    summary:
      'PIPL Art. 38 still requires certification or the CAC standard contract; the Standard Contract Measures took effect only on 1 June 2023.',
    legalBasis: `${PIPL} Art. 38; ${SA_MEASURES} Art. 4`,
    sourceUrl: SRC.cnPiplText,
  }),
  // 1 June 2023 – 21 March 2024: the Standard Contract Measures join the Security Assessment Measures.
  ...securityAssessmentBands('cn-2023', '2023-06-01', '2024-03-22', {
    summary: 'the CAC standard contract or certification.',
    legalBasis: SA_AND_SC,
    sourceUrl: SRC.cnScMeasuresText,
  }),
  {
    id: 'cn-2022-important',
    countryCode: 'CN',
    dataCategory: 'IMPORTANT',
    sensitivity: 'ANY',
    exporterProfile: 'ANY',
    minSubjects: null,
    maxSubjects: null,
    countingPeriod: null,
    outcome: 'ANY_OF_MECHANISMS',
    mechanismKinds: ['CN_SECURITY_ASSESSMENT'],
    summary: 'Providing important data abroad needs a CAC security assessment (Art. 4(1)).',
    legalBasis: `${SA_MEASURES} Art. 4`,
    effectiveFrom: '2022-09-01',
    effectiveTo: '2024-03-22',
    sourceUrl: SRC.cnSaMeasuresText,
  },
  // From 22 March 2024: the Provisions; counting restarts each 1 January.
  {
    id: 'cn-2024-pi-exempt',
    countryCode: 'CN',
    dataCategory: 'PERSONAL',
    sensitivity: 'NON_SENSITIVE',
    exporterProfile: 'NON_CIIO',
    minSubjects: null,
    maxSubjects: 100_000,
    countingPeriod: CURRENT_YEAR,
    outcome: 'EXEMPT',
    mechanismKinds: [],
    summary:
      'Exempt: a non-CIIO that sends abroad non-sensitive personal information of fewer than 100,000 people in the year needs no security assessment, standard contract or certification.',
    legalBasis: `${PROVISIONS_2024} Art. 5(4)`,
    effectiveFrom: '2024-03-22',
    effectiveTo: null,
    sourceUrl: SRC.cnProvisionsText,
  },
  {
    id: 'cn-2024-pi-contract',
    countryCode: 'CN',
    dataCategory: 'PERSONAL',
    sensitivity: 'NON_SENSITIVE',
    exporterProfile: 'NON_CIIO',
    minSubjects: 100_000,
    maxSubjects: 1_000_000,
    countingPeriod: CURRENT_YEAR,
    outcome: 'ANY_OF_MECHANISMS',
    mechanismKinds: ['CN_STANDARD_CONTRACT', 'CN_CERTIFICATION'],
    summary:
      'A non-CIIO sending abroad non-sensitive personal information of 100,000 or more but fewer than 1,000,000 people in the year concludes the CAC standard contract or obtains certification.',
    legalBasis: `${PROVISIONS_2024} Art. 8`,
    effectiveFrom: '2024-03-22',
    effectiveTo: null,
    sourceUrl: SRC.cnProvisionsText,
  },
  {
    id: 'cn-2024-pi-assessment',
    countryCode: 'CN',
    dataCategory: 'PERSONAL',
    sensitivity: 'NON_SENSITIVE',
    exporterProfile: 'NON_CIIO',
    minSubjects: 1_000_000,
    maxSubjects: null,
    countingPeriod: CURRENT_YEAR,
    outcome: 'ANY_OF_MECHANISMS',
    mechanismKinds: ['CN_SECURITY_ASSESSMENT'],
    summary:
      'Non-sensitive personal information of 1,000,000 people or more in the year needs a CAC security assessment.',
    legalBasis: `${PROVISIONS_2024} Art. 7`,
    effectiveFrom: '2024-03-22',
    effectiveTo: null,
    sourceUrl: SRC.cnProvisionsText,
  },
  {
    id: 'cn-2024-spi-contract',
    countryCode: 'CN',
    dataCategory: 'PERSONAL',
    sensitivity: 'SENSITIVE',
    exporterProfile: 'NON_CIIO',
    minSubjects: null,
    maxSubjects: 10_000,
    countingPeriod: CURRENT_YEAR,
    outcome: 'ANY_OF_MECHANISMS',
    mechanismKinds: ['CN_STANDARD_CONTRACT', 'CN_CERTIFICATION'],
    summary:
      'Sensitive personal information of fewer than 10,000 people in the year goes abroad under the standard contract or certification (the volume exemption does not cover sensitive data).',
    legalBasis: `${PROVISIONS_2024} Art. 8`,
    effectiveFrom: '2024-03-22',
    effectiveTo: null,
    sourceUrl: SRC.cnProvisionsText,
  },
  {
    id: 'cn-2024-spi-assessment',
    countryCode: 'CN',
    dataCategory: 'PERSONAL',
    sensitivity: 'SENSITIVE',
    exporterProfile: 'NON_CIIO',
    minSubjects: 10_000,
    maxSubjects: null,
    countingPeriod: CURRENT_YEAR,
    outcome: 'ANY_OF_MECHANISMS',
    mechanismKinds: ['CN_SECURITY_ASSESSMENT'],
    summary:
      'Sensitive personal information of 10,000 people or more in the year needs a CAC security assessment.',
    legalBasis: `${PROVISIONS_2024} Art. 7`,
    effectiveFrom: '2024-03-22',
    effectiveTo: null,
    sourceUrl: SRC.cnProvisionsText,
  },
  {
    id: 'cn-2024-ciio',
    countryCode: 'CN',
    dataCategory: 'PERSONAL',
    sensitivity: 'ANY',
    exporterProfile: 'CIIO',
    minSubjects: null,
    maxSubjects: null,
    countingPeriod: null,
    outcome: 'ANY_OF_MECHANISMS',
    mechanismKinds: ['CN_SECURITY_ASSESSMENT'],
    summary:
      'A critical information infrastructure operator needs a CAC security assessment to send any personal information abroad.',
    legalBasis: `${PROVISIONS_2024} Art. 7`,
    effectiveFrom: '2024-03-22',
    effectiveTo: null,
    sourceUrl: SRC.cnProvisionsText,
  },
  provisionsExemption(
    'cn-2024-contract-necessity',
    'CONTRACT_WITH_INDIVIDUAL',
    'Exempt: personal information that must go abroad to conclude or perform a contract to which the individual is a party (e.g. cross-border shopping, delivery, payment, account opening, flight and hotel bookings, visas) needs no assessment, standard contract or certification.',
    'Art. 5(1)',
  ),
  provisionsExemption(
    'cn-2024-hr-management',
    'CROSS_BORDER_HR_MANAGEMENT',
    'Exempt: employees’ personal information that must go abroad for cross-border human-resources management under lawfully made labour rules and collective contracts needs no assessment, standard contract or certification.',
    'Art. 5(2)',
  ),
  provisionsExemption(
    'cn-2024-emergency',
    'EMERGENCY',
    'Exempt: personal information that must go abroad in an emergency to protect a natural person’s life, health or property needs no assessment, standard contract or certification.',
    'Art. 5(3)',
  ),
  provisionsExemption(
    'cn-2024-free-trade-zone',
    'FREE_TRADE_ZONE_OFF_NEGATIVE_LIST',
    'Exempt: a handler in a pilot free trade zone sending data that is not on the zone’s negative list needs no assessment, standard contract or certification. The zones’ lists themselves are not recorded here.',
    'Art. 6',
  ),
  provisionsExemption(
    'cn-2024-foreign-data',
    'FOREIGN_DATA_PASSING_THROUGH',
    'Exempt: personal information collected and generated abroad, processed in China and provided abroad again, with no domestic personal information or important data added, needs no assessment, standard contract or certification.',
    'Art. 4',
  ),
  {
    id: 'cn-2024-important',
    countryCode: 'CN',
    dataCategory: 'IMPORTANT',
    sensitivity: 'ANY',
    exporterProfile: 'ANY',
    minSubjects: null,
    maxSubjects: null,
    countingPeriod: null,
    outcome: 'ANY_OF_MECHANISMS',
    mechanismKinds: ['CN_SECURITY_ASSESSMENT'],
    summary:
      'Important data needs a CAC security assessment; data counts as important only once the authorities have notified or published it as such.',
    legalBasis: `${PROVISIONS_2024} Arts. 2 and 7`,
    effectiveFrom: '2024-03-22',
    effectiveTo: null,
    sourceUrl: SRC.cnProvisionsText,
  },
  {
    id: 'cn-2024-non-personal',
    countryCode: 'CN',
    dataCategory: 'NON_PERSONAL',
    sensitivity: 'ANY',
    exporterProfile: 'ANY',
    minSubjects: null,
    maxSubjects: null,
    countingPeriod: null,
    outcome: 'EXEMPT',
    mechanismKinds: [],
    summary:
      'Exempt: data from activities such as international trade, cross-border transport, academic cooperation or cross-border manufacturing and marketing that holds neither personal information nor important data needs no assessment, contract or certification.',
    legalBasis: `${PROVISIONS_2024} Art. 3`,
    effectiveFrom: '2024-03-22',
    effectiveTo: null,
    sourceUrl: SRC.cnProvisionsText,
  },
];

export interface SeedTransferRule {
  id: string;
  countryCode: string;
  /** @default 'OUTBOUND' */
  direction?: 'OUTBOUND' | 'INBOUND';
  dataCategories: DataCategory[];
  whenMechanism: MechanismKind | null;
  summary: string;
  legalBasis: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  sourceUrl: string;
}

export const transferRules: readonly SeedTransferRule[] = [
  {
    id: 'sg-transfer-limitation',
    countryCode: 'SG',
    dataCategories: ['PERSONAL'],
    whenMechanism: null,
    summary:
      'Before sending personal data out of Singapore, take appropriate steps to make sure the recipient is bound by legally enforceable obligations (law, contract, binding corporate rules or another binding instrument) to protect it at least as well as the PDPA; consent after a written summary, certain necessity cases, data in transit and publicly available data count as meeting this.',
    legalBasis: 'PDPA s.26; Personal Data Protection Regulations 2021, Part 3 (regs. 10–11)',
    effectiveFrom: '2021-02-01',
    effectiveTo: null,
    sourceUrl: SRC.sgPdpr2021Text,
  },
  {
    id: 'sg-inbound-pdpa',
    countryCode: 'SG',
    direction: 'INBOUND',
    dataCategories: ['PERSONAL'],
    whenMechanism: null,
    summary:
      'An organisation in Singapore that receives personal data collected abroad must comply with the PDPA’s Data Protection Provisions for what it does with that data in Singapore.',
    legalBasis:
      'PDPA 2012, Data Protection Provisions; PDPC Advisory Guidelines on Key Concepts, Chapter 11 (Applicability to Inbound Data Transfers)',
    effectiveFrom: '2014-07-02',
    effectiveTo: null,
    sourceUrl: SRC.sgInbound,
  },
  {
    id: 'my-s129-original',
    countryCode: 'MY',
    dataCategories: ['PERSONAL'],
    whenMechanism: null,
    summary:
      'No place outside Malaysia was ever specified under the original s.129, so personal data could go abroad only where a s.129(3) exception applied: among them the individual’s consent, a contract with or in the interest of the individual, legal proceedings, vital interests, or the data user having taken all reasonable precautions and due diligence.',
    legalBasis: 'PDPA 2010 s.129 (before the 2024 amendment)',
    effectiveFrom: '2013-11-15',
    effectiveTo: '2025-04-01',
    sourceUrl: SRC.my129,
  },
  {
    id: 'my-s129-amended',
    countryCode: 'MY',
    dataCategories: ['PERSONAL'],
    whenMechanism: null,
    summary:
      'Personal data may go abroad where the receiving country has a law substantially similar to the PDPA or ensures an adequate level of protection at least equivalent to it, or where a s.129(3) exception applies (among them consent, necessity for a contract, legal proceedings, vital interests, or reasonable precautions and due diligence such as binding corporate rules, contractual clauses or certification).',
    legalBasis:
      'PDPA 2010 s.129 as amended by the Personal Data Protection (Amendment) Act 2024 (in force 1 April 2025)',
    effectiveFrom: '2025-04-01',
    effectiveTo: null,
    sourceUrl: SRC.myAmendmentActPage,
  },
  {
    id: 'my-s129-tia',
    countryCode: 'MY',
    dataCategories: ['PERSONAL'],
    whenMechanism: null,
    summary:
      'To rely on a destination with a substantially similar law or adequate protection, carry out a transfer impact assessment and repeat it every three years.',
    legalBasis:
      'PDPA s.129 as amended in 2024; Cross Border Personal Data Transfer Guideline (29 April 2025)',
    effectiveFrom: '2025-04-29',
    effectiveTo: null,
    sourceUrl: SRC.myCbpdtGuideline,
  },
  {
    id: 'th-s28-s29',
    countryCode: 'TH',
    dataCategories: ['PERSONAL'],
    whenMechanism: null,
    summary:
      'Send personal data abroad only to a destination with adequate protection under the PDPC’s criteria (s.28), or under PDPC-certified binding corporate rules within a group, or other appropriate safeguards with enforceable rights and remedies (s.29), unless an exception applies.',
    legalBasis: 'PDPA B.E. 2562 ss.28–29; PDPC Notifications B.E. 2566 (in force 24 March 2024)',
    effectiveFrom: '2022-06-01',
    effectiveTo: null,
    sourceUrl: SRC.thSection29,
  },
  {
    id: 'id-art56',
    countryCode: 'ID',
    dataCategories: ['PERSONAL'],
    whenMechanism: null,
    summary:
      'A controller may send personal data to a controller or processor abroad only if the destination country protects personal data at a level equal to or higher than the Law; failing that, it must ensure adequate and binding personal-data-protection safeguards; failing both, it must obtain the data subject’s consent.',
    legalBasis: 'Law No. 27 of 2022 on Personal Data Protection, Art. 56',
    effectiveFrom: '2024-10-17',
    effectiveTo: null,
    sourceUrl: SRC.idPdpLawText,
  },
  {
    id: 'ph-s21-accountability',
    countryCode: 'PH',
    dataCategories: ['PERSONAL'],
    whenMechanism: null,
    summary:
      'The controller stays responsible for personal information it transfers to a third party for processing, in the Philippines or abroad, and must use contractual or other reasonable means to give it a comparable level of protection while the third party processes it.',
    legalBasis: 'Data Privacy Act of 2012 (RA 10173) s.21; Implementing Rules and Regulations (2016)',
    effectiveFrom: '2016-09-09',
    effectiveTo: null,
    sourceUrl: SRC.phDpaText,
  },
  {
    id: 'ph-inbound-foreign-residents',
    countryCode: 'PH',
    direction: 'INBOUND',
    dataCategories: ['PERSONAL'],
    whenMechanism: null,
    summary:
      'Personal information originally collected from residents of foreign jurisdictions under those jurisdictions’ laws and processed in the Philippines is outside the Act’s scope; other personal information processed in the Philippines is covered whatever its source.',
    legalBasis: 'Data Privacy Act of 2012 (RA 10173) s.4; Implementing Rules and Regulations s.5',
    effectiveFrom: '2016-09-09',
    effectiveTo: null,
    sourceUrl: SRC.phDpaText,
  },
  {
    id: 'vn-decree-13-art25',
    countryCode: 'VN',
    dataCategories: ['PERSONAL'],
    whenMechanism: null,
    summary:
      'Before sending a Vietnamese citizen’s personal data abroad, prepare an outbound-transfer impact assessment dossier and keep it available for inspection, send one original to the Ministry of Public Security’s cybersecurity department (A05) within 60 days of starting to process the data, and notify it in writing once the transfer is done.',
    legalBasis: 'Decree 13/2023/ND-CP on Personal Data Protection, Art. 25',
    effectiveFrom: '2023-07-01',
    effectiveTo: '2026-01-01',
    sourceUrl: SRC.vnDecree13Transfer,
  },
  {
    id: 'vn-pdp-law-transfer',
    countryCode: 'VN',
    dataCategories: ['PERSONAL'],
    whenMechanism: null,
    summary:
      'Prepare a cross-border transfer impact assessment dossier and send one original to the specialised personal data protection agency within 60 days of the first transfer, unless the Law exempts the transfer.',
    legalBasis: 'Law on Personal Data Protection No. 91/2025/QH15; Decree 356/2025/ND-CP',
    effectiveFrom: '2026-01-01',
    effectiveTo: null,
    sourceUrl: SRC.vnPdpLaw2025Transfer,
  },
  {
    id: 'cn-separate-consent',
    countryCode: 'CN',
    dataCategories: ['PERSONAL'],
    whenMechanism: null,
    summary:
      'Tell individuals who the overseas recipient is, how to contact it, the purpose, method and kinds of information, and how to exercise their rights against it, and obtain their separate consent.',
    legalBasis: 'PIPL Art. 39',
    effectiveFrom: '2021-11-01',
    effectiveTo: null,
    sourceUrl: SRC.cnPiplText,
  },
  {
    id: 'cn-recipient-standard',
    countryCode: 'CN',
    dataCategories: ['PERSONAL'],
    whenMechanism: null,
    summary:
      'Take the measures needed to make sure the overseas recipient’s handling of the personal information meets the PIPL’s standard of protection.',
    legalBasis: 'PIPL Art. 38, third paragraph',
    effectiveFrom: '2021-11-01',
    effectiveTo: null,
    sourceUrl: SRC.cnPiplText,
  },
  {
    id: 'cn-impact-assessment',
    countryCode: 'CN',
    dataCategories: ['PERSONAL'],
    whenMechanism: null,
    summary:
      'Carry out a personal-information protection impact assessment before providing personal information abroad, and keep the report and records.',
    legalBasis: 'PIPL Arts. 55–56',
    effectiveFrom: '2021-11-01',
    effectiveTo: null,
    sourceUrl: SRC.cnPiplText,
  },
  {
    id: 'cn-standard-contract-filing',
    countryCode: 'CN',
    dataCategories: ['PERSONAL'],
    whenMechanism: 'CN_STANDARD_CONTRACT',
    summary:
      'If you use the standard contract: file it with the provincial CAC within 10 working days of it taking effect.',
    legalBasis: 'Standard Contract Measures Art. 7',
    effectiveFrom: '2023-06-01',
    effectiveTo: null,
    sourceUrl: SRC.cnScMeasuresText,
  },
  {
    id: 'cn-inbound-pipl-scope',
    countryCode: 'CN',
    direction: 'INBOUND',
    dataCategories: ['PERSONAL'],
    whenMechanism: null,
    summary:
      'A recipient in China handles the personal information under the PIPL, which applies to all handling of natural persons’ personal information within China.',
    legalBasis: 'PIPL Art. 3',
    effectiveFrom: '2021-11-01',
    effectiveTo: null,
    sourceUrl: SRC.cnPiplText,
  },
];

export interface SeedRegime {
  id: string;
  countryCode: string;
  direction: 'OUTBOUND' | 'INBOUND';
  dataCategories: DataCategory[];
  name: string;
  summary: string;
  legalBasis: string;
  gaps: string[];
  effectiveFrom: string;
  effectiveTo: string | null;
  sourceUrl: string;
}

const CN_2025_GAP =
  'The Network Data Security Management Regulations (State Council Order No. 790), in force since 1 January 2025, also govern personal information sent abroad; their provisions are not recorded here.';

/**
 * The periods for which this registry holds a country's whole transfer regime in one direction.
 * `transferRequirements` answers COMPLETE only inside one, and UNKNOWN outside every one. A country
 * with no regime here has the reason in its policy's `unknowns`.
 */
export const regimes: readonly SeedRegime[] = [
  {
    id: 'cn-outbound-2021-pipl',
    countryCode: 'CN',
    direction: 'OUTBOUND',
    dataCategories: ['PERSONAL'],
    name: 'Personal Information Protection Law (before its implementing measures)',
    summary:
      'PIPL Art. 38 requires one of its routes (security assessment, certification, standard contract) for any personal information sent abroad; Art. 39 requires notice and separate consent; Art. 40 requires critical information infrastructure operators to store in China and pass a security assessment.',
    legalBasis: `${PIPL} Arts. 38–40, 55–56`,
    gaps: [
      'Before the CAC’s implementing measures (the Security Assessment Measures from 1 September 2022, the Standard Contract Measures from 1 June 2023), the volumes at which Art. 40 makes an assessment compulsory were not set and the standard contract did not exist; which route could be used in practice is not recorded.',
    ],
    effectiveFrom: '2021-11-01',
    effectiveTo: '2022-09-01',
    sourceUrl: SRC.cnPiplText,
  },
  {
    id: 'cn-outbound-2022-security-assessment',
    countryCode: 'CN',
    direction: 'OUTBOUND',
    dataCategories: ['PERSONAL'],
    name: `${PIPL} and ${SA_MEASURES}`,
    summary:
      'A CAC security assessment is needed for important data, for critical information infrastructure operators, for handlers processing 1,000,000 people’s personal information, and above 100,000 people (10,000 for sensitive data) sent abroad since 1 January of the previous year; below that, PIPL Art. 38’s other routes apply.',
    legalBasis: `${PIPL} Arts. 38–40; ${SA_MEASURES} Art. 4`,
    gaps: [
      'The standard contract named in PIPL Art. 38(3) could be used only once the Standard Contract Measures took effect on 1 June 2023; how transfers below the assessment thresholds were made before then is not recorded.',
    ],
    effectiveFrom: '2022-09-01',
    effectiveTo: '2023-06-01',
    sourceUrl: SRC.cnSaMeasuresText,
  },
  {
    id: 'cn-outbound-2022-important-data',
    countryCode: 'CN',
    direction: 'OUTBOUND',
    dataCategories: ['IMPORTANT'],
    name: SA_MEASURES,
    summary: 'Providing important data abroad needs a CAC security assessment.',
    legalBasis: `${SA_MEASURES} Art. 4(1)`,
    gaps: [],
    effectiveFrom: '2022-09-01',
    effectiveTo: '2024-03-22',
    sourceUrl: SRC.cnSaMeasuresText,
  },
  {
    id: 'cn-outbound-2023-standard-contract',
    countryCode: 'CN',
    direction: 'OUTBOUND',
    dataCategories: ['PERSONAL'],
    name: `${PIPL}, ${SA_MEASURES} and ${SC_MEASURES}`,
    summary:
      'Below the security-assessment thresholds, the handler concludes the CAC standard contract (filed with the provincial CAC) or obtains certification; at or above them it needs a security assessment.',
    legalBasis: `${PIPL} Arts. 38–40; ${SA_AND_SC}`,
    gaps: [],
    effectiveFrom: '2023-06-01',
    effectiveTo: '2024-03-22',
    sourceUrl: SRC.cnScMeasuresText,
  },
  {
    id: 'cn-outbound-2024-provisions',
    countryCode: 'CN',
    direction: 'OUTBOUND',
    dataCategories: ['PERSONAL', 'IMPORTANT', 'NON_PERSONAL'],
    name: `${PIPL} and ${PROVISIONS_2024}`,
    summary:
      'Exemptions for small volumes, contract necessity, cross-border HR management, emergencies, data passing through and free trade zone negative lists; the standard contract or certification from 100,000 people in the year; a security assessment from 1,000,000 people (10,000 for sensitive data), for important data and for critical information infrastructure operators.',
    legalBasis: `${PIPL} Arts. 38–40; ${PROVISIONS_2024} Arts. 2–8`,
    gaps: [],
    effectiveFrom: '2024-03-22',
    effectiveTo: '2025-01-01',
    sourceUrl: SRC.cnProvisionsText,
  },
  {
    id: 'cn-outbound-2025-provisions',
    countryCode: 'CN',
    direction: 'OUTBOUND',
    dataCategories: ['PERSONAL', 'IMPORTANT', 'NON_PERSONAL'],
    name: `${PIPL} and ${PROVISIONS_2024}`,
    summary:
      'The 2024 Provisions’ exemptions and bands continue; from 1 January 2025 the Network Data Security Management Regulations also apply.',
    legalBasis: `${PIPL} Arts. 38–40; ${PROVISIONS_2024} Arts. 2–8`,
    gaps: [CN_2025_GAP],
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    sourceUrl: SRC.cnProvisionsText,
  },
  {
    id: 'cn-inbound-pipl',
    countryCode: 'CN',
    direction: 'INBOUND',
    dataCategories: ['PERSONAL'],
    name: PIPL,
    summary: 'Personal information handled in China, whatever its origin, is handled under the PIPL.',
    legalBasis: `${PIPL} Art. 3`,
    gaps: [],
    effectiveFrom: '2021-11-01',
    effectiveTo: null,
    sourceUrl: SRC.cnPiplText,
  },
  {
    id: 'sg-outbound-2021',
    countryCode: 'SG',
    direction: 'OUTBOUND',
    dataCategories: ['PERSONAL'],
    name: 'Personal Data Protection Act 2012 s.26 and Personal Data Protection Regulations 2021, Part 3',
    summary:
      'The Transfer Limitation Obligation: personal data leaves Singapore only to recipients bound by legally enforceable obligations to comparable protection, or in the cases the Regulations treat as meeting it.',
    legalBasis: 'PDPA s.26; PDP Regulations 2021 regs. 10–11 (transfers on or after 1 February 2021)',
    gaps: [],
    effectiveFrom: '2021-02-01',
    effectiveTo: null,
    sourceUrl: SRC.sgPdpr2021Text,
  },
  {
    id: 'sg-inbound-2014',
    countryCode: 'SG',
    direction: 'INBOUND',
    dataCategories: ['PERSONAL'],
    name: 'Personal Data Protection Act 2012 (Data Protection Provisions)',
    summary:
      'Personal data collected abroad and brought into Singapore is subject to the PDPA for the activities carried out in Singapore.',
    legalBasis: 'PDPA 2012; PDPC Advisory Guidelines on Key Concepts, Chapter 11',
    gaps: [],
    effectiveFrom: '2014-07-02',
    effectiveTo: null,
    sourceUrl: SRC.sgInbound,
  },
  {
    id: 'my-outbound-2013',
    countryCode: 'MY',
    direction: 'OUTBOUND',
    dataCategories: ['PERSONAL'],
    name: 'Personal Data Protection Act 2010 s.129 (original)',
    summary: 'Transfers abroad rested on the s.129(3) exceptions, since no destination was ever specified.',
    legalBasis: 'PDPA 2010 s.129',
    gaps: [],
    effectiveFrom: '2013-11-15',
    effectiveTo: '2025-04-01',
    sourceUrl: SRC.myNoWhitelist,
  },
  {
    id: 'my-outbound-2025',
    countryCode: 'MY',
    direction: 'OUTBOUND',
    dataCategories: ['PERSONAL'],
    name: 'Personal Data Protection Act 2010 s.129 as amended in 2024',
    summary:
      'The whitelist is gone: a substantially similar law or adequate protection at the destination (with a transfer impact assessment under the Commissioner’s guideline), or a s.129(3) exception.',
    legalBasis: 'PDPA 2010 s.129 as amended; Cross Border Personal Data Transfer Guideline (2025)',
    gaps: [],
    effectiveFrom: '2025-04-01',
    effectiveTo: null,
    sourceUrl: SRC.myS129InForce,
  },
  {
    id: 'th-outbound-2022',
    countryCode: 'TH',
    direction: 'OUTBOUND',
    dataCategories: ['PERSONAL'],
    name: 'Personal Data Protection Act B.E. 2562, ss.28–29',
    summary:
      'Transfers abroad need adequate protection at the destination or appropriate safeguards, unless an exception applies.',
    legalBasis: 'PDPA B.E. 2562 ss.28–29',
    gaps: [
      'The PDPC notifications setting the criteria for adequate protection (s.28) and for binding corporate rules and other safeguards (s.29) took effect only on 24 March 2024; how transfers were assessed before then is not recorded.',
    ],
    effectiveFrom: '2022-06-01',
    effectiveTo: '2024-03-24',
    sourceUrl: SRC.thSection29,
  },
  {
    id: 'th-outbound-2024',
    countryCode: 'TH',
    direction: 'OUTBOUND',
    dataCategories: ['PERSONAL'],
    name: 'Personal Data Protection Act B.E. 2562, ss.28–29, and the PDPC Notifications B.E. 2566',
    summary:
      'Transfers abroad need adequate protection at the destination or appropriate safeguards, unless an exception applies.',
    legalBasis: 'PDPA B.E. 2562 ss.28–29; PDPC Notifications B.E. 2566',
    gaps: [],
    effectiveFrom: '2024-03-24',
    effectiveTo: null,
    sourceUrl: SRC.thNotifications,
  },
  {
    id: 'id-outbound-2024',
    countryCode: 'ID',
    direction: 'OUTBOUND',
    dataCategories: ['PERSONAL'],
    name: 'Law No. 27 of 2022 on Personal Data Protection, Art. 56',
    summary:
      'Held from the end of the Law’s two-year transition: equal or higher protection at the destination, else adequate and binding safeguards, else the data subject’s consent.',
    legalBasis: 'Law No. 27 of 2022 Art. 56',
    gaps: [
      'Art. 56 leaves the details of transfers to a Government Regulation; none was found in a source read.',
    ],
    effectiveFrom: '2024-10-17',
    effectiveTo: null,
    sourceUrl: SRC.idPdpLawText,
  },
  {
    id: 'ph-outbound-2016',
    countryCode: 'PH',
    direction: 'OUTBOUND',
    dataCategories: ['PERSONAL'],
    name: 'Data Privacy Act of 2012 and its Implementing Rules and Regulations',
    summary:
      'The controller remains accountable for personal information processed abroad and secures comparable protection by contract or other reasonable means. Held from the day the Implementing Rules took effect.',
    legalBasis: 'Data Privacy Act of 2012 s.21; IRR (in force 9 September 2016)',
    gaps: [],
    effectiveFrom: '2016-09-09',
    effectiveTo: null,
    sourceUrl: SRC.phIrrText,
  },
  {
    id: 'ph-inbound-2016',
    countryCode: 'PH',
    direction: 'INBOUND',
    dataCategories: ['PERSONAL'],
    name: 'Data Privacy Act of 2012 and its Implementing Rules and Regulations',
    summary:
      'Personal information processed in the Philippines is covered whatever its source, except personal information collected from residents of foreign jurisdictions under their laws.',
    legalBasis: 'Data Privacy Act of 2012 s.4; IRR s.5',
    gaps: [
      'How far IRR s.5 limits the exclusion of personal information collected from foreign residents, and who must prove it applies, is not recorded here.',
    ],
    effectiveFrom: '2016-09-09',
    effectiveTo: null,
    sourceUrl: SRC.phForeignData,
  },
  {
    id: 'vn-outbound-2023',
    countryCode: 'VN',
    direction: 'OUTBOUND',
    dataCategories: ['PERSONAL'],
    name: 'Decree 13/2023/ND-CP on Personal Data Protection',
    summary:
      'Sending a Vietnamese citizen’s personal data abroad needs an outbound-transfer impact assessment dossier filed with the Ministry of Public Security.',
    legalBasis: 'Decree 13/2023/ND-CP Art. 25',
    gaps: [],
    effectiveFrom: '2023-07-01',
    effectiveTo: '2026-01-01',
    sourceUrl: SRC.vnDecree13Transfer,
  },
  {
    id: 'vn-outbound-2026',
    countryCode: 'VN',
    direction: 'OUTBOUND',
    dataCategories: ['PERSONAL'],
    name: 'Law on Personal Data Protection No. 91/2025/QH15',
    summary:
      'Cross-border transfers need an impact assessment dossier sent to the specialised personal data protection agency, with exemptions set by the Law.',
    legalBasis: 'Law No. 91/2025/QH15; Decree 356/2025/ND-CP',
    gaps: [
      'The cases the Law exempts from the transfer dossier, and the details Decree 356/2025/ND-CP adds, are not recorded here.',
      'Whether Decree 13/2023/ND-CP still applies alongside the Law is not confirmed here.',
    ],
    effectiveFrom: '2026-01-01',
    effectiveTo: null,
    sourceUrl: SRC.vnPdpLaw2025Transfer,
  },
];

export interface SeedComparisonRow {
  section: 'GENERAL' | 'CONTROLLER_TO_CONTROLLER' | 'CONTROLLER_TO_PROCESSOR';
  topic:
    | 'FORM_AND_MODIFICATION'
    | 'GOVERNING_LAW'
    | 'DISPUTE_RESOLUTION'
    | 'FILING_REGISTRATION'
    | 'SUPERVISORY_AUTHORITY'
    | 'IMPACT_ASSESSMENT'
    | 'PURPOSE_LIMITATION'
    | 'SECURITY'
    | 'ONWARD_TRANSFER'
    | 'DATA_SUBJECT_RIGHTS'
    | 'BREACH_NOTIFICATION'
    | 'LIABILITY'
    | 'TERMINATION';
  /** The MCC's own clause number; null with `aClauseUnknownReason` where it was not verified. */
  aClause: string | null;
  aClauseUnknownReason: string | null;
  aSummary: string;
  aSourceUrl: string;
  /** The Standard Contract's (or its Measures') article; null with `bClauseUnknownReason` where not verified. */
  bClause: string | null;
  bClauseUnknownReason: string | null;
  bSummary: string;
  bSourceUrl: string;
  alignment: 'EQUIVALENT' | 'SIMILAR' | 'DIFFERENT' | 'ONLY_IN_A' | 'ONLY_IN_B';
  practicalNote: string;
}

export interface SeedComparison {
  id: string;
  mechanismA: MechanismKind;
  mechanismB: MechanismKind;
  title: string;
  disclaimer: string;
  preparedOn: string;
  rows: readonly SeedComparisonRow[];
}

/**
 * Why no MCC clause number is given (checked 2026-12-07, and again the same day for issue #22 item 4).
 * Numbers are taken only from the MCC text itself or the official ASEAN-EU Joint Guide (whose
 * Reference Guide tables set each MCC clause beside its topic). Neither could be read past its
 * opening: the MCC text only as a mirror (vdocuments.net; table of contents: Module 1 from p. 7,
 * Module 2 from p. 14, terms and conditions from p. 22), the Joint Guide (updated 31 January 2024)
 * only as a copy on jamesrqclark.com (table of contents: controller-to-controller obligations from
 * p. 14, controller-to-processor from p. 30); asean.org's PDFs of both were not among the stored
 * pages, and searching the public-code index for their wording found neither. Commentary names
 * the MCC obligations but not their numbers. Unknown, not guessed.
 * A third search the same day (issue #22, item 4) changed nothing: the stored pages of PDPC
 * Singapore, the EU–ASEAN guides' commentators (Alston & Bird, Bird & Bird, Squire Patton Boggs,
 * Clasis, DataGuidance, Hogan Lovells, Greenleaf's paywalled review) cite no clause number; the
 * public-code, documentation and issue indexes hold links to asean.org's and the Commission's
 * PDFs but not their text; no repository found holds the clauses.
 * The Standard Contract's articles were confirmed at article level in copies of the CAC text: the
 * nine headings (shutu.cn's reading, Han Kun on the draft, a bilingual reproduction), Measures
 * Art. 6 (LexisNexis China) and Art. 7 (R&P China Lawyers quoting it); the rows cite the CAC's page.
 */
const MCC_NUMBER_UNKNOWN =
  'Not verified: only the opening pages of the stored copies of the ASEAN MCC text (its table of contents puts Module 1 from p. 7 and Module 2 from p. 14) and of the ASEAN–EU Joint Guide to the MCCs and EU SCCs (its clause tables start at p. 14 for controller-to-controller and p. 30 for controller-to-processor transfers) could be read, and asean.org’s own copies of both were not reachable, so the clause number is unknown rather than guessed.';
const NOT_READ = 'what the MCC clause itself says was not read in the text';
const SC_ARTICLES =
  'The Standard Contract (annex to CAC Order No. 13) has nine articles: 1 definitions, 2 obligations of the personal information handler, 3 obligations of the overseas recipient, 4 effect of the recipient’s local law, 5 rights of individuals, 6 remedies, 7 termination, 8 liability for breach, 9 other terms.';
const WORKING_DISCLAIMER = `This is the mechanism’s working comparison, drafted in this registry from the published texts and commentary on them. It is not an official Comparative Joint Guide: none had been published when it was prepared. Standard Contract articles were checked at article level against copies of the CAC text (${SC_ARTICLES}); MCC clause numbers could not be checked and are given as unknown, with the reason. Check each clause against the cited text before relying on it.`;

/** One side of a row: the MCC, whose clause numbers are unknown (see `MCC_NUMBER_UNKNOWN`). */
const mcc = (aSummary: string, aSourceUrl: string) => ({
  aClause: null,
  aClauseUnknownReason: MCC_NUMBER_UNKNOWN,
  aSummary,
  aSourceUrl,
});
/** The other side: an article of the Standard Contract (or of its Measures), verified at article level. */
const sc = (bClause: string, bSummary: string, bSourceUrl: string = SRC.cnScMeasuresText) => ({
  bClause,
  bClauseUnknownReason: null,
  bSummary,
  bSourceUrl,
});

/** Rows that hold whichever MCC module is compared: the general provisions. */
const generalRows: readonly SeedComparisonRow[] = [
  {
    section: 'GENERAL',
    topic: 'FORM_AND_MODIFICATION',
    ...mcc(
      'Voluntary template terms; parties may adapt and modify them to their context, as long as they stay consistent with the ASEAN Framework on Personal Data Protection.',
      SRC.mccAdapt,
    ),
    ...sc(
      'Measures Art. 6',
      'A fixed form issued by the CAC: it is concluded as published; other terms may be agreed only where they do not conflict with it.',
      SRC.scMeasuresArt6,
    ),
    alignment: 'DIFFERENT',
    practicalNote:
      'For data leaving China, start from the Chinese form and put commercial or MCC-derived terms in a separate agreement that does not contradict it.',
  },
  {
    section: 'GENERAL',
    topic: 'GOVERNING_LAW',
    ...mcc(
      `Built so that data sent from one ASEAN jurisdiction keeps being processed in line with the data-protection law of that first jurisdiction; ${NOT_READ}.`,
      SRC.mccFirstJurisdiction,
    ),
    ...sc(
      'Art. 9',
      'Under “other terms”, the contract and disputes arising from it are governed by the relevant laws and regulations of the People’s Republic of China.',
    ),
    alignment: 'DIFFERENT',
    practicalNote:
      'A contract for Chinese-origin personal information is governed by PRC law, so the ASEAN-side recipient should take PRC advice on it.',
  },
  {
    section: 'GENERAL',
    topic: 'FILING_REGISTRATION',
    ...mcc(
      'Adopting the MCCs is voluntary and involves no filing with an authority under the clauses themselves; national law may add its own requirements.',
      SRC.mccVoluntary,
    ),
    ...sc(
      'Measures Art. 7',
      'The handler files the contract with the provincial cyberspace administration within 10 working days of it taking effect.',
      SRC.scFiling,
    ),
    alignment: 'ONLY_IN_B',
    practicalNote:
      'Plan the provincial CAC filing into the Chinese exporter’s timetable; nothing similar is owed under the MCCs.',
  },
  {
    section: 'GENERAL',
    topic: 'SUPERVISORY_AUTHORITY',
    ...mcc(
      `No clause submitting the importer to a named regulator was found in the commentary read; ${NOT_READ}.`,
      SRC.mcc,
    ),
    ...sc(
      'Art. 1; Art. 2',
      'Defines the regulator (监管机构) as the cyberspace administration at provincial level or above (Art. 1); among the handler’s obligations is answering the regulator’s enquiries about the recipient’s processing (Art. 2).',
    ),
    alignment: 'ONLY_IN_B',
    practicalNote:
      'An ASEAN recipient signing the Chinese form answers to the CAC for that data, not only to its own regulator.',
  },
  {
    section: 'GENERAL',
    topic: 'IMPACT_ASSESSMENT',
    ...mcc(
      `No transfer impact assessment was found among the MCC obligations in the commentary read; ${NOT_READ}.`,
      SRC.mcc,
    ),
    ...sc(
      'Art. 2; Art. 4',
      'The handler assesses the impact on personal-information protection before transferring (among its obligations, Art. 2), and the parties consider how the recipient’s local law affects performance of the contract (Art. 4).',
    ),
    alignment: 'ONLY_IN_B',
    practicalNote:
      'The ASEAN recipient should expect questionnaires about its local laws and practices from the Chinese exporter.',
  },
];

export const comparisons: readonly SeedComparison[] = [
  {
    id: 'asean-mcc-c2c-vs-cn-standard-contract',
    mechanismA: 'ASEAN_MCC_C2C',
    mechanismB: 'CN_STANDARD_CONTRACT',
    title:
      'Working comparison: ASEAN Model Contractual Clauses, Module 2 (controller-to-controller), and China’s Standard Contract for Outbound Transfer of Personal Information',
    disclaimer: WORKING_DISCLAIMER,
    preparedOn: '2026-12-07',
    rows: [
      ...generalRows,
      {
        section: 'CONTROLLER_TO_CONTROLLER',
        topic: 'PURPOSE_LIMITATION',
        ...mcc(
          `The purposes of the transfer are specified and the importer processes for them (an MCC safeguard listed in the ASEAN–EU Joint Guide); ${NOT_READ}.`,
          SRC.jointGuideAreas,
        ),
        ...sc(
          'Art. 3',
          'The recipient processes the data only as set out in Appendix 1 (purpose, manner, categories); going beyond it needs the individual’s separate consent.',
        ),
        alignment: 'SIMILAR',
        practicalNote:
          'Describe purposes once, precisely, and use the same wording in the MCC schedule and the Chinese Appendix 1.',
      },
      {
        section: 'CONTROLLER_TO_CONTROLLER',
        topic: 'SECURITY',
        ...mcc(
          `Security and confidentiality of the data are MCC safeguards (ASEAN–EU Joint Guide); ${NOT_READ}.`,
          SRC.jointGuideAreas,
        ),
        ...sc(
          'Art. 3',
          'The recipient takes technical and management measures to keep the personal information secure.',
        ),
        alignment: 'SIMILAR',
        practicalNote:
          'One set of documented security measures can serve both, if it is specific enough for the Chinese form.',
      },
      {
        section: 'CONTROLLER_TO_CONTROLLER',
        topic: 'ONWARD_TRANSFER',
        ...mcc(
          `Onward transfers carry safeguards (the ASEAN–EU Joint Guide lists them among MCC obligations); ${NOT_READ}.`,
          SRC.jointGuideAreas,
        ),
        ...sc(
          'Art. 3',
          'The recipient may pass the data to a third party outside China only on conditions the contract sets.',
        ),
        alignment: 'SIMILAR',
        practicalNote:
          'Map onward recipients before signing: the Chinese conditions are stricter and apply per onward transfer.',
      },
      {
        section: 'CONTROLLER_TO_CONTROLLER',
        topic: 'DATA_SUBJECT_RIGHTS',
        ...mcc(
          'The MCCs do not by themselves give data subjects rights they can enforce (third-party beneficiary rights are a point of difference in the ASEAN–EU Joint Guide).',
          SRC.mccNoRights,
        ),
        ...sc(
          'Art. 5',
          'Individuals have rights of access, copying, correction, supplementing and deletion against either party; the contract also makes them third-party beneficiaries who can enforce it.',
        ),
        alignment: 'DIFFERENT',
        practicalNote:
          'Under the Chinese form individuals can act against the ASEAN recipient; handle their requests with that exposure in mind.',
      },
      {
        section: 'CONTROLLER_TO_CONTROLLER',
        topic: 'BREACH_NOTIFICATION',
        ...mcc(
          `Parties are expected to have breach-response plans and follow them when an incident occurs (ASEAN–EU implementation guide); ${NOT_READ}.`,
          SRC.jointGuideImplementation,
        ),
        ...sc(
          'Art. 3',
          'On an actual or possible security incident the recipient takes remedial action and notifies the Chinese handler promptly, among its obligations.',
        ),
        alignment: 'SIMILAR',
        practicalNote:
          'Put the Chinese exporter on the recipient’s incident-response contact list for Chinese-origin data, and agree who informs the CAC.',
      },
      {
        section: 'CONTROLLER_TO_CONTROLLER',
        topic: 'LIABILITY',
        ...mcc(
          'With no enforceable rights for data subjects by default, liability runs between the contracting parties as they agree.',
          SRC.mccNoRights,
        ),
        ...sc(
          'Art. 8',
          'Liability for breach of the contract, towards the other party and towards individuals whose rights a breach infringes.',
        ),
        alignment: 'DIFFERENT',
        practicalNote:
          'Allocate liability between the parties in the commercial agreement (indemnities), since the form fixes liability towards individuals.',
      },
    ],
  },
  {
    id: 'asean-mcc-c2p-vs-cn-standard-contract',
    mechanismA: 'ASEAN_MCC_C2P',
    mechanismB: 'CN_STANDARD_CONTRACT',
    title:
      'Working comparison: ASEAN Model Contractual Clauses, Module 1 (controller-to-processor), and China’s Standard Contract for Outbound Transfer of Personal Information',
    disclaimer: WORKING_DISCLAIMER,
    preparedOn: '2026-12-07',
    rows: [
      ...generalRows,
      {
        section: 'CONTROLLER_TO_PROCESSOR',
        topic: 'PURPOSE_LIMITATION',
        ...mcc(
          `Module 1 is for a processor that handles the data on the exporting controller’s behalf, so it processes for the controller’s purposes only; ${NOT_READ}.`,
          SRC.mcc,
        ),
        ...sc(
          'Art. 3',
          'The form has no separate processor module: the recipient, whether it decides the purposes itself or processes on the handler’s behalf, processes only as set out in Appendix 1.',
        ),
        alignment: 'SIMILAR',
        practicalNote:
          'Use the Chinese form for a processor too, and keep the processing instructions in Appendix 1 consistent with the MCC Module 1 schedule.',
      },
      {
        section: 'CONTROLLER_TO_PROCESSOR',
        topic: 'SECURITY',
        ...mcc(
          `Security and confidentiality of the data are MCC safeguards for both modules (ASEAN–EU Joint Guide); ${NOT_READ}.`,
          SRC.jointGuideAreas,
        ),
        ...sc(
          'Art. 3',
          'The recipient takes technical and management measures to keep the personal information secure.',
        ),
        alignment: 'SIMILAR',
        practicalNote:
          'A processor’s documented security measures can serve both, if they are specific enough for the Chinese form.',
      },
      {
        section: 'CONTROLLER_TO_PROCESSOR',
        topic: 'ONWARD_TRANSFER',
        ...mcc(
          `Engaging sub-processors is addressed for processor transfers; the ASEAN–EU implementation guide suggests selection criteria for sub-processors; ${NOT_READ}.`,
          SRC.jointGuideImplementation,
        ),
        ...sc(
          'Art. 3',
          'A recipient processing on the handler’s behalf may pass the processing on to a further party only with the handler’s prior agreement, among its obligations.',
        ),
        alignment: 'SIMILAR',
        practicalNote:
          'List sub-processors up front and obtain the Chinese handler’s written agreement before adding one.',
      },
      {
        section: 'CONTROLLER_TO_PROCESSOR',
        topic: 'BREACH_NOTIFICATION',
        ...mcc(
          `Parties are expected to have breach-response plans and follow them when an incident occurs (ASEAN–EU implementation guide); ${NOT_READ}.`,
          SRC.jointGuideImplementation,
        ),
        ...sc(
          'Art. 3',
          'On an actual or possible security incident the recipient takes remedial action and notifies the Chinese handler promptly, among its obligations.',
        ),
        alignment: 'SIMILAR',
        practicalNote:
          'The processor’s incident runbook should notify the Chinese handler first; the handler decides what to report to the CAC.',
      },
      {
        section: 'CONTROLLER_TO_PROCESSOR',
        topic: 'TERMINATION',
        ...mcc(
          `Termination is among the topics the ASEAN–EU Joint Guide compares for both modules (as summarised by Bird & Bird); ${NOT_READ}.`,
          SRC.jointGuideModules,
        ),
        ...sc(
          'Art. 7',
          'The handler may suspend transfers and terminate the contract on the recipient’s breach or where its local law prevents performance; after termination the recipient returns or deletes the data.',
        ),
        alignment: 'SIMILAR',
        practicalNote:
          'Agree the return-or-delete procedure (and its evidence) when the processing contract is signed, not when it ends.',
      },
    ],
  },
];

export interface SeedPilot {
  id: string;
  name: string;
  description: string;
  status: 'PROPOSED' | 'APPROVED' | 'ACTIVE' | 'SUSPENDED' | 'CONCLUDED';
  sectors: string[];
  dataCategories: DataCategory[];
  startsOn: string | null;
  endsOn: string | null;
  outcomes: string | null;
  countryCodes: string[];
  organizationIds: string[];
  mechanismKinds: MechanismKind[];
  milestones: { title: string; dueOn: string; doneOn: string | null }[];
}

/** ILLUSTRATIVE demo pilots: not real programmes (none was confirmed in a source). */
export const pilots: readonly SeedPilot[] = [
  {
    id: 'demo-sg-cn-cross-border-ecommerce',
    name: 'Illustrative pilot: cross-border e-commerce customer data, Singapore–China',
    description:
      'ILLUSTRATIVE demo record, not a real programme. Tests running one transfer under both the ASEAN MCC (Module 2) and the CAC standard contract, with shared purpose and security annexes.',
    status: 'ACTIVE',
    sectors: ['e-commerce'],
    dataCategories: ['PERSONAL'],
    startsOn: '2026-09-01',
    endsOn: '2027-08-31',
    outcomes: null,
    countryCodes: ['SG', 'CN'],
    organizationIds: ['sg-pdpc', 'cn-cac'],
    mechanismKinds: ['ASEAN_MCC_C2C', 'CN_STANDARD_CONTRACT'],
    milestones: [
      { title: 'Shared purpose and security annex drafted', dueOn: '2026-10-15', doneOn: '2026-10-12' },
      { title: 'First transfer under both instruments', dueOn: '2027-01-31', doneOn: null },
    ],
  },
  {
    id: 'demo-my-th-cn-logistics',
    name: 'Illustrative pilot: logistics shipment data, Malaysia–Thailand–China',
    description:
      'ILLUSTRATIVE demo record, not a real programme. Proposes mapping which shipment records are personal information and which transfer route each leg needs.',
    status: 'PROPOSED',
    sectors: ['logistics'],
    dataCategories: ['PERSONAL', 'NON_PERSONAL'],
    startsOn: null,
    endsOn: null,
    outcomes: null,
    countryCodes: ['MY', 'TH', 'CN'],
    organizationIds: ['my-jpdp', 'th-pdpc', 'cn-cac'],
    mechanismKinds: ['CN_STANDARD_CONTRACT', 'CONTRACTUAL_CLAUSES'],
    milestones: [{ title: 'Data map of a sample shipment', dueOn: '2027-03-31', doneOn: null }],
  },
];
