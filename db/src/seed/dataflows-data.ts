/**
 * Seed data for the "dataflows" subgraph: country data-flow policies, transfer mechanisms, dated
 * transfer thresholds and rules, the working comparison of the ASEAN MCC with China's Standard
 * Contract, and illustrative pilots.
 *
 * - Every policy, law, mechanism, threshold, rule and clause row carries the URL its facts were
 *   checked against. Summaries are in our own words. What was not confirmed is null, or listed in
 *   the policy's `unknowns`, never guessed.
 * - Checked on 2026-11-27 against stored copies of public pages (not the live web); many sources are
 *   law-firm or news pages rather than official texts.
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
  scText:
    'https://privacy.dubaiholding.com/en/sccs/china-standard-contract-for-outbound-transfer-of-personal-information',
  scMeasures:
    'https://www.chinalawandpractice.com/2023/05/12/measures-for-the-standard-contract-for-overseas-transfer-of-personal-information',
  scFixedForm: 'https://www.mondaq.com/china/data-protection/1299090/exploring-china-standard-contract',
  scFiling: 'https://rplawyers.cn/qa-on-export-of-personal-information-under-the-standard-contract',
  scFiling2023Counting:
    'https://www.mondaq.com:443/china/data-protection/1348002/filing-the-standard-contract-for-outbound-transfers-of-personal-information',
  scRecipient: 'https://translate.hicom-asia.com/template/international-data-transfer-recipient-obligations',
  scRecipientDuties:
    'https://translate.hicom-asia.com/template/data-protection-agreement-outbound-transfer-clause',
  scClauses: 'https://translate.hicom-asia.com/template/cross-border-transfer-contract-clause',
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
    sourceUrl: SRC.scMeasures,
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
    sourceUrl: SRC.piplCac,
  },
  {
    kind: 'CN_SECURITY_ASSESSMENT',
    title: 'Security assessment of outbound data organised by the CAC (PIPL Art. 38(1), Art. 40)',
    issuer: 'Cyberspace Administration of China',
    adoptedOn: null,
    inForceOn: '2021-11-01',
    version: null,
    summary:
      'A security assessment organised by the state cyberspace administration; required for the largest volumes, for CIIOs and for important data.',
    sourceUrl: SRC.piplCac,
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
    summary: 'Enacted 17 October 2022, with a two-year transition that ended on 17 October 2024.',
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
      'Sets the requirements for transfers out of Singapore (regulations 10 and 11) for transfers made on or after 1 February 2021.',
    sourceUrl: SRC.sgReg10,
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
      'Adopted 20 August 2021, in force 1 November 2021. Art. 38 sets the routes for sending personal information abroad: CAC security assessment, certification, or the CAC standard contract.',
    sourceUrl: SRC.pipl,
  },
  {
    id: 'cn-standard-contract-measures-2023',
    countryCode: 'CN',
    name: 'Measures for the Standard Contract for Outbound Transfer of Personal Information (CAC Order No. 13)',
    year: 2023,
    inForceOn: '2023-06-01',
    summary:
      'Promulgated 22 February 2023, in force 1 June 2023; sets when and how the standard contract is used and filed.',
    sourceUrl: SRC.scMeasures,
  },
  {
    id: 'cn-cross-border-provisions-2024',
    countryCode: 'CN',
    name: 'Provisions on Promoting and Regulating Cross-Border Data Flows',
    year: 2024,
    inForceOn: '2024-03-22',
    summary:
      'Issued and in force 22 March 2024: exempts smaller volumes from assessment, contract and certification and resets the counting period to the current year.',
    sourceUrl: SRC.cnProvisions2024,
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

const REVIEWED = '2026-11-27';

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
      'cross-border transfer rules',
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
    unknowns: ['regulator', 'cross-border transfer rules', 'recognised transfer mechanisms', 'localisation'],
    lastReviewedOn: REVIEWED,
    sourceUrl: SRC.khDraft,
  },
  {
    countryCode: 'ID',
    summary:
      'Indonesia’s Law 27/2022 on Personal Data Protection has applied fully since the transition ended on 17 October 2024; the supervisory authority is left to implementing regulation.',
    regulatorOrganizationId: null,
    regulatorNote:
      'The law leaves the authority to implementing regulation; whether it now exists is not confirmed.',
    localisation: null,
    filingObligations: null,
    unknowns: ['regulator', 'cross-border transfer rules', 'recognised transfer mechanisms', 'localisation'],
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
    unknowns: ['regulator', 'cross-border transfer rules', 'recognised transfer mechanisms', 'localisation'],
    lastReviewedOn: REVIEWED,
    sourceUrl: SRC.laRegulator,
  },
  {
    countryCode: 'MY',
    summary:
      'Malaysia’s PDPA 2010 (s.129) governs transfers abroad. The 2024 amendment removed the never-gazetted whitelist; transfers may rely on a substantially similar law or adequate protection (with a transfer impact assessment), or on exceptions such as consent.',
    regulatorOrganizationId: 'my-jpdp',
    regulatorNote: 'The Personal Data Protection Commissioner, supported by JPDP.',
    localisation: null,
    filingObligations: null,
    unknowns: ['exact commencement of the amended s.129', 'localisation'],
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
    unknowns: ['regulator', 'cross-border transfer rules', 'recognised transfer mechanisms', 'localisation'],
    lastReviewedOn: REVIEWED,
    sourceUrl: SRC.mmEtl,
  },
  {
    countryCode: 'PH',
    summary: 'The Philippines’ Data Privacy Act of 2012 is administered by the National Privacy Commission.',
    regulatorOrganizationId: 'ph-npc',
    regulatorNote: null,
    localisation: null,
    filingObligations: null,
    unknowns: ['cross-border transfer rules', 'recognised transfer mechanisms', 'localisation'],
    lastReviewedOn: REVIEWED,
    sourceUrl: SRC.phNpc,
  },
  {
    countryCode: 'SG',
    summary:
      'Singapore’s PDPA 2012 (s.26, the transfer limitation obligation) lets personal data leave Singapore only to recipients bound by legally enforceable obligations to comparable protection: law, contract (the PDPC encourages the ASEAN MCCs), binding corporate rules, APEC CBPR/PRP certification, or consent after a written summary.',
    regulatorOrganizationId: 'sg-pdpc',
    regulatorNote: null,
    localisation: null,
    filingObligations: null,
    unknowns: ['localisation', 'filing obligations'],
    lastReviewedOn: REVIEWED,
    sourceUrl: SRC.sgReg10,
  },
  {
    countryCode: 'TH',
    summary:
      'Thailand’s PDPA B.E. 2562 allows transfers to destinations with adequate protection (s.28) or under PDPC-certified binding corporate rules or appropriate safeguards (s.29); the PDPC’s criteria took effect on 24 March 2024.',
    regulatorOrganizationId: 'th-pdpc',
    regulatorNote: null,
    localisation: null,
    filingObligations: null,
    unknowns: ['adequate destinations listed by the PDPC', 'localisation'],
    lastReviewedOn: REVIEWED,
    sourceUrl: SRC.thNotifications,
  },
  {
    countryCode: 'VN',
    summary:
      'Viet Nam regulates personal data under Decree 13/2023 (from 1 July 2023) and the Law on Personal Data Protection (from 1 January 2026). Its transfer-abroad rules were not confirmed in a source read.',
    regulatorOrganizationId: 'vn-a05',
    regulatorNote: 'The Ministry of Public Security’s A05 department, according to a secondary source.',
    localisation: null,
    filingObligations: null,
    unknowns: [
      'cross-border transfer rules',
      'recognised transfer mechanisms',
      'localisation',
      'filing obligations',
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
    unknowns: ['data protection law', 'regulator', 'cross-border transfer rules', 'localisation'],
    lastReviewedOn: REVIEWED,
    sourceUrl: SRC.tlAsean,
  },
  {
    countryCode: 'CN',
    summary:
      'China’s PIPL (Art. 38) allows personal information abroad through a CAC security assessment, certification or the CAC standard contract. Since 22 March 2024 the volume thresholds decide which applies, and smaller volumes are exempt.',
    regulatorOrganizationId: 'cn-cac',
    regulatorNote: 'The "state cyberspace administration" of the PIPL.',
    localisation:
      'PIPL Art. 40: critical information infrastructure operators, and handlers reaching volumes set by the CAC, store personal information collected in China within China; sending it abroad needs a CAC security assessment.',
    filingObligations:
      'A signed standard contract is filed with the provincial CAC within 10 working days of taking effect (Standard Contract Measures, Art. 7).',
    unknowns: [],
    lastReviewedOn: REVIEWED,
    sourceUrl: SRC.piplCac,
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
    basis: 'PIPL Art. 38(1), Art. 40',
    sourceUrl: SRC.piplCac,
  },
  {
    countryCode: 'CN',
    mechanismKind: 'CN_CERTIFICATION',
    basis: 'PIPL Art. 38(2)',
    sourceUrl: SRC.piplCac,
  },
  {
    countryCode: 'CN',
    mechanismKind: 'CN_STANDARD_CONTRACT',
    basis: 'PIPL Art. 38(3); Standard Contract Measures',
    sourceUrl: SRC.scMeasures,
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
const PROVISIONS_2024 = 'Provisions on Promoting and Regulating Cross-Border Data Flows (2024)';
const REGIME_2023 = 'Standard Contract Measures (2023) and Security Assessment Measures';

export const thresholds: readonly SeedThreshold[] = [
  // 1 June 2023 – 21 March 2024: no exemption; the contract route had volume ceilings.
  {
    id: 'cn-2023-pi-contract',
    countryCode: 'CN',
    dataCategory: 'PERSONAL',
    sensitivity: 'NON_SENSITIVE',
    exporterProfile: 'NON_CIIO',
    minSubjects: null,
    maxSubjects: 100_000,
    countingPeriod: PREVIOUS_YEAR,
    outcome: 'ANY_OF_MECHANISMS',
    mechanismKinds: ['CN_STANDARD_CONTRACT', 'CN_CERTIFICATION'],
    summary:
      'A non-CIIO that had sent abroad personal information of fewer than 100,000 people could use the standard contract or certification, provided it handled fewer than 1,000,000 people’s personal information in all. Whether exactly 100,000 fell on this side is not confirmed.',
    legalBasis: REGIME_2023,
    effectiveFrom: '2023-06-01',
    effectiveTo: '2024-03-22',
    sourceUrl: SRC.scFiling2023Counting,
  },
  {
    id: 'cn-2023-pi-assessment',
    countryCode: 'CN',
    dataCategory: 'PERSONAL',
    sensitivity: 'NON_SENSITIVE',
    exporterProfile: 'NON_CIIO',
    minSubjects: 100_000,
    maxSubjects: null,
    countingPeriod: PREVIOUS_YEAR,
    outcome: 'ANY_OF_MECHANISMS',
    mechanismKinds: ['CN_SECURITY_ASSESSMENT'],
    summary:
      'Sending abroad personal information of 100,000 people or more needed a CAC security assessment.',
    legalBasis: REGIME_2023,
    effectiveFrom: '2023-06-01',
    effectiveTo: '2024-03-22',
    sourceUrl: SRC.scFiling2023Counting,
  },
  {
    id: 'cn-2023-spi-contract',
    countryCode: 'CN',
    dataCategory: 'PERSONAL',
    sensitivity: 'SENSITIVE',
    exporterProfile: 'NON_CIIO',
    minSubjects: null,
    maxSubjects: 10_000,
    countingPeriod: PREVIOUS_YEAR,
    outcome: 'ANY_OF_MECHANISMS',
    mechanismKinds: ['CN_STANDARD_CONTRACT', 'CN_CERTIFICATION'],
    summary:
      'Sensitive personal information of fewer than 10,000 people could go abroad under the standard contract or certification.',
    legalBasis: REGIME_2023,
    effectiveFrom: '2023-06-01',
    effectiveTo: '2024-03-22',
    sourceUrl: SRC.scFiling2023Counting,
  },
  {
    id: 'cn-2023-spi-assessment',
    countryCode: 'CN',
    dataCategory: 'PERSONAL',
    sensitivity: 'SENSITIVE',
    exporterProfile: 'NON_CIIO',
    minSubjects: 10_000,
    maxSubjects: null,
    countingPeriod: PREVIOUS_YEAR,
    outcome: 'ANY_OF_MECHANISMS',
    mechanismKinds: ['CN_SECURITY_ASSESSMENT'],
    summary: 'Sensitive personal information of 10,000 people or more needed a CAC security assessment.',
    legalBasis: REGIME_2023,
    effectiveFrom: '2023-06-01',
    effectiveTo: '2024-03-22',
    sourceUrl: SRC.scFiling2023Counting,
  },
  // From 22 March 2024.
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
    legalBasis: PROVISIONS_2024,
    effectiveFrom: '2024-03-22',
    effectiveTo: null,
    sourceUrl: SRC.cnProvisions2024,
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
    legalBasis: PROVISIONS_2024,
    effectiveFrom: '2024-03-22',
    effectiveTo: null,
    sourceUrl: SRC.cnProvisions2024,
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
    legalBasis: PROVISIONS_2024,
    effectiveFrom: '2024-03-22',
    effectiveTo: null,
    sourceUrl: SRC.cnProvisions2024,
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
      'Sensitive personal information of fewer than 10,000 people in the year goes abroad under the standard contract or certification (there is no exemption for sensitive data).',
    legalBasis: PROVISIONS_2024,
    effectiveFrom: '2024-03-22',
    effectiveTo: null,
    sourceUrl: SRC.cnProvisions2024,
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
    legalBasis: PROVISIONS_2024,
    effectiveFrom: '2024-03-22',
    effectiveTo: null,
    sourceUrl: SRC.cnProvisions2024,
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
    legalBasis: PROVISIONS_2024,
    effectiveFrom: '2024-03-22',
    effectiveTo: null,
    sourceUrl: SRC.cnProvisions2024,
  },
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
    legalBasis: PROVISIONS_2024,
    effectiveFrom: '2024-03-22',
    effectiveTo: null,
    sourceUrl: SRC.cnProvisions2024,
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
      'Exempt: data from activities such as trade or academic cooperation that holds neither personal information nor important data needs no assessment, contract or certification.',
    legalBasis: PROVISIONS_2024,
    effectiveFrom: '2024-03-22',
    effectiveTo: null,
    sourceUrl: SRC.cnProvisions2024,
  },
];

export interface SeedTransferRule {
  id: string;
  countryCode: string;
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
    legalBasis: 'PDPA s.26; Personal Data Protection Regulations 2021, regs. 10–11',
    effectiveFrom: '2021-02-01',
    effectiveTo: null,
    sourceUrl: SRC.sgReg10,
  },
  {
    id: 'my-s129-exceptions',
    countryCode: 'MY',
    dataCategories: ['PERSONAL'],
    whenMechanism: null,
    summary:
      'Personal data may go abroad where an exception applies: among them the individual’s consent, a contract with or in the interest of the individual, legal proceedings, vital interests, or the controller having taken all reasonable precautions and due diligence.',
    legalBasis: 'PDPA 2010 s.129(3)',
    effectiveFrom: '2013-11-15',
    effectiveTo: null,
    sourceUrl: SRC.my129,
  },
  {
    id: 'my-s129-tia',
    countryCode: 'MY',
    dataCategories: ['PERSONAL'],
    whenMechanism: null,
    summary:
      'To rely on a destination with a substantially similar law or adequate protection, carry out a transfer impact assessment and repeat it every three years (Commissioner’s Guideline of 29 April 2025).',
    legalBasis: 'PDPA s.129 as amended in 2024; Cross Border Personal Data Transfer Guideline',
    effectiveFrom: '2025-04-29',
    effectiveTo: null,
    sourceUrl: SRC.myGuideline,
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
    id: 'cn-separate-consent',
    countryCode: 'CN',
    dataCategories: ['PERSONAL'],
    whenMechanism: null,
    summary:
      'Tell individuals who the overseas recipient is, how to contact it, the purpose, method and kinds of information, and how to exercise their rights against it, and obtain their separate consent.',
    legalBasis: 'PIPL Art. 39',
    effectiveFrom: '2021-11-01',
    effectiveTo: null,
    sourceUrl: SRC.pipl,
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
    sourceUrl: SRC.pipl,
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
    sourceUrl: SRC.scFiling,
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
  aClause: string | null;
  aSummary: string;
  aSourceUrl: string;
  bClause: string | null;
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

const NOT_CHECKED = 'the exact clause wording was not checked in the copy read';

export const comparisons: readonly SeedComparison[] = [
  {
    id: 'asean-mcc-c2c-vs-cn-standard-contract',
    mechanismA: 'ASEAN_MCC_C2C',
    mechanismB: 'CN_STANDARD_CONTRACT',
    title:
      'Working comparison: ASEAN Model Contractual Clauses, Module 2 (controller-to-controller), and China’s Standard Contract for Outbound Transfer of Personal Information',
    disclaimer:
      'This is the mechanism’s working comparison, drafted in this registry from the published texts and commentary on them. It is not an official Comparative Joint Guide: none had been published when it was prepared. Check each clause against the cited text before relying on it.',
    preparedOn: '2026-11-27',
    rows: [
      {
        section: 'GENERAL',
        topic: 'FORM_AND_MODIFICATION',
        aClause: null,
        aSummary:
          'Voluntary template terms; parties may adapt and modify them to their context, as long as they stay consistent with the ASEAN Framework on Personal Data Protection.',
        aSourceUrl: SRC.mccAdapt,
        bClause: null,
        bSummary:
          'A fixed form issued by the CAC: it is signed as published, and other terms may be added only where they do not conflict with it.',
        bSourceUrl: SRC.scFixedForm,
        alignment: 'DIFFERENT',
        practicalNote:
          'For data leaving China, start from the Chinese form and put commercial or MCC-derived terms in a separate agreement that does not contradict it.',
      },
      {
        section: 'GENERAL',
        topic: 'GOVERNING_LAW',
        aClause: null,
        aSummary: `Built so that data sent from one ASEAN jurisdiction keeps being processed in line with the data-protection law of that first jurisdiction; ${NOT_CHECKED}.`,
        aSourceUrl: SRC.mccFirstJurisdiction,
        bClause: 'Art. 9',
        bSummary:
          'The contract’s formation, validity, performance and interpretation are governed by the laws of the People’s Republic of China.',
        bSourceUrl: SRC.scClauses,
        alignment: 'DIFFERENT',
        practicalNote:
          'A contract for Chinese-origin personal information is governed by PRC law, so the ASEAN-side recipient should take PRC advice on it.',
      },
      {
        section: 'GENERAL',
        topic: 'FILING_REGISTRATION',
        aClause: null,
        aSummary:
          'Adopting the MCCs is voluntary and involves no filing with an authority under the clauses themselves; national law may add its own requirements.',
        aSourceUrl: SRC.mccVoluntary,
        bClause: 'Measures Art. 7',
        bSummary:
          'The exporter files the signed contract with the provincial CAC within 10 working days of it taking effect.',
        bSourceUrl: SRC.scFiling,
        alignment: 'ONLY_IN_B',
        practicalNote:
          'Plan the provincial CAC filing into the Chinese exporter’s timetable; nothing similar is owed under the MCCs.',
      },
      {
        section: 'GENERAL',
        topic: 'SUPERVISORY_AUTHORITY',
        aClause: null,
        aSummary: `No clause submitting the importer to a named regulator was found; ${NOT_CHECKED}.`,
        aSourceUrl: SRC.mcc,
        bClause: 'Art. 3',
        bSummary:
          'The overseas recipient accepts supervision by the CAC, including answering its enquiries and cooperating with inspections.',
        bSourceUrl: SRC.scRecipientDuties,
        alignment: 'ONLY_IN_B',
        practicalNote:
          'An ASEAN recipient signing the Chinese form accepts the CAC’s supervision for that data.',
      },
      {
        section: 'GENERAL',
        topic: 'IMPACT_ASSESSMENT',
        aClause: null,
        aSummary: `No impact assessment was found among the MCC obligations; ${NOT_CHECKED}.`,
        aSourceUrl: SRC.mcc,
        bClause: 'Art. 4; PIPL Art. 55',
        bSummary:
          'Before transferring, the exporter assesses the impact on personal-information protection, including how the recipient country’s laws affect performance of the contract.',
        bSourceUrl: SRC.scRecipient,
        alignment: 'ONLY_IN_B',
        practicalNote:
          'The ASEAN recipient should expect questionnaires about its local laws and practices from the Chinese exporter.',
      },
      {
        section: 'CONTROLLER_TO_CONTROLLER',
        topic: 'PURPOSE_LIMITATION',
        aClause: null,
        aSummary: `The purposes of the transfer are specified and the importer processes for them (an MCC safeguard listed in the ASEAN–EU Joint Guide); ${NOT_CHECKED}.`,
        aSourceUrl: SRC.jointGuideAreas,
        bClause: 'Art. 3; Annex',
        bSummary:
          'The recipient processes only for the purposes, in the way and within the scope set out in the contract.',
        bSourceUrl: SRC.scClauses,
        alignment: 'SIMILAR',
        practicalNote:
          'Describe purposes once, precisely, and use the same wording in the MCC schedule and the Chinese annex.',
      },
      {
        section: 'CONTROLLER_TO_CONTROLLER',
        topic: 'SECURITY',
        aClause: null,
        aSummary: `Security and confidentiality of the data are MCC safeguards (ASEAN–EU Joint Guide); ${NOT_CHECKED}.`,
        aSourceUrl: SRC.jointGuideAreas,
        bClause: 'Art. 3',
        bSummary:
          'The recipient takes technical and management measures to keep the personal information secure.',
        bSourceUrl: SRC.scText,
        alignment: 'SIMILAR',
        practicalNote:
          'One set of documented security measures can serve both, if it is specific enough for the Chinese form.',
      },
      {
        section: 'CONTROLLER_TO_CONTROLLER',
        topic: 'ONWARD_TRANSFER',
        aClause: null,
        aSummary: `Onward transfers carry safeguards (ASEAN–EU Joint Guide lists them among MCC obligations); ${NOT_CHECKED}.`,
        aSourceUrl: SRC.jointGuideAreas,
        bClause: 'Art. 3',
        bSummary:
          'The recipient may pass the data to a third party outside China only on conditions the contract sets.',
        bSourceUrl: SRC.scRecipientDuties,
        alignment: 'SIMILAR',
        practicalNote:
          'Map onward recipients before signing: the Chinese conditions are stricter and apply per onward transfer.',
      },
      {
        section: 'CONTROLLER_TO_CONTROLLER',
        topic: 'DATA_SUBJECT_RIGHTS',
        aClause: null,
        aSummary:
          'The MCCs do not by themselves give data subjects rights they can enforce (third-party beneficiary rights are a point of difference in the ASEAN–EU Joint Guide).',
        aSourceUrl: SRC.mccNoRights,
        bClause: 'Art. 5',
        bSummary:
          'Individuals are third-party beneficiaries and may enforce the contract against the exporter or the recipient.',
        bSourceUrl: SRC.scClauses,
        alignment: 'DIFFERENT',
        practicalNote:
          'Under the Chinese form individuals can sue the ASEAN recipient; handle their requests with that exposure in mind.',
      },
      {
        section: 'CONTROLLER_TO_CONTROLLER',
        topic: 'BREACH_NOTIFICATION',
        aClause: null,
        aSummary: `Parties are expected to have breach-response plans and follow them when an incident occurs (ASEAN–EU implementation guide); ${NOT_CHECKED}.`,
        aSourceUrl: SRC.jointGuideImplementation,
        bClause: 'Art. 3',
        bSummary:
          'On a security incident the recipient takes remedial action and promptly notifies the Chinese exporter; whether the form also makes it report to the CAC directly was not confirmed here.',
        bSourceUrl: SRC.scRecipientDuties,
        alignment: 'SIMILAR',
        practicalNote:
          'Put the Chinese exporter on the recipient’s incident-response contact list for Chinese-origin data, and agree who informs the CAC.',
      },
      {
        section: 'CONTROLLER_TO_CONTROLLER',
        topic: 'LIABILITY',
        aClause: null,
        aSummary:
          'With no enforceable rights for data subjects by default, liability runs between the contracting parties as they agree.',
        aSourceUrl: SRC.mccNoRights,
        bClause: 'Art. 8',
        bSummary:
          'Exporter and recipient are jointly and severally liable towards individuals for breaches of the contract.',
        bSourceUrl: SRC.scRecipient,
        alignment: 'DIFFERENT',
        practicalNote:
          'Allocate the joint liability between the parties in the commercial agreement (indemnities), since the form fixes it towards individuals.',
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
