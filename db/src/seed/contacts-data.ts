/**
 * Seed data for the "contacts" subgraph: countries, organizations, points of contact and
 * capacity-building activities for China–ASEAN digital-governance cooperation.
 *
 * - Facts about countries, organizations and activities are sourced per entry (`sourceUrl`, plus
 *   `additionalSourceUrls` where a second page was needed). Descriptions are summaries in our own
 *   words. Where a fact was not confirmed in any source read, the field is null or the text says
 *   "unknown"/"not confirmed" instead of guessing.
 * - ALL CONTACTS ARE FICTIONAL: person names, e-mail addresses (on `.example` domains only), phone
 *   numbers (zero-filled, not dialable) and PGP fingerprints are made up for demo purposes. They are
 *   not real people and not real mailboxes of the organizations they are attached to.
 * - Checked on 2026-11-27 against stored copies of public pages (not the live web).
 * - Activity `countryCodes` only list countries seeded here (the 11 ASEAN members and China); other
 *   participants named by a source (e.g. Australia, India, Japan, Republic of Korea at ACID) are
 *   mentioned in the description instead.
 */

export type OrganizationKind =
  | 'CERT'
  | 'CYBER_AGENCY'
  | 'DATA_PROTECTION_AUTHORITY'
  | 'MINISTRY'
  | 'REGULATOR'
  | 'RESEARCH_INSTITUTE'
  | 'COMPANY'
  | 'INDUSTRY_ASSOCIATION'
  | 'UNIVERSITY';
export type ContactRole =
  'INCIDENT_RESPONSE' | 'THREAT_SHARING' | 'DATA_FLOW_POLICY' | 'AI_POLICY' | 'DIPLOMATIC' | 'TECHNICAL';
export type VerificationMethod = 'EMAIL_PING' | 'PHONE_CALL' | 'PGP_CHALLENGE' | 'IN_PERSON';
export type VerificationOutcome = 'CONFIRMED' | 'NO_RESPONSE' | 'BOUNCED' | 'WRONG_CONTACT';
export type ActivityKind = 'SEMINAR' | 'TRAINING' | 'JOINT_DRILL' | 'EXCHANGE';

export interface SeedCountry {
  code: string; // ISO 3166-1 alpha-2, upper case
  alpha3: string;
  name: string; // English short name
  nativeName: string | null; // null when not confirmed
  aseanMemberSince: string | null; // 'YYYY-MM-DD'; null for China (dialogue partner)
  sourceUrl: string; // source of the membership date (or, for China, of the codes)
  /** Source of the ISO alpha-2/alpha-3 codes and English name. */
  isoCodesSourceUrl?: string;
  /** Source of `nativeName` (a community dataset, not ISO itself). */
  nativeNameSourceUrl?: string;
}
export interface SeedOrganization {
  id: string; // stable lowercase slug '<cc>-<acronym or short name>'
  countryCode: string;
  name: string; // real public name
  acronym: string | null;
  kind: OrganizationKind;
  website: string | null; // only if confirmed
  constituency: string | null; // short own-words description of whom it serves / its mandate
  sourceUrl: string;
  /** Further pages that support facts in `constituency` or `notes`. */
  additionalSourceUrls?: string[];
  /** What could not be confirmed, or why `kind` is only the closest fit. */
  notes?: string;
}
export interface SeedVerification {
  daysAgo: number;
  method: VerificationMethod;
  outcome: VerificationOutcome;
  note: string | null;
}
export interface SeedContact {
  organizationId: string;
  name: string; // FICTIONAL person name, or a role-mailbox label
  title: string;
  email: string; // on a .example domain only
  phone: string | null; // fictional, clearly fake, or null
  roles: ContactRole[];
  available24x7: boolean;
  timezone: string; // IANA zone of that country
  pgpFingerprint: string | null; // fictional 40 upper-case hex chars, or null
  verifications: SeedVerification[]; // oldest first
}
export interface SeedActivity {
  id: string; // slug
  kind: ActivityKind;
  title: string;
  description: string; // own words, what it was
  startsOn: string; // 'YYYY-MM-DD'
  endsOn: string | null;
  hostOrganizationId: string | null; // a seeded organization id, or null if the host is not among them
  participantOrganizationIds: string[]; // only where a source says they took part
  countryCodes: string[]; // seeded countries involved per the source
  sourceUrl: string;
  /** Further pages that support the date, host or participants. */
  additionalSourceUrls?: string[];
}

// ---------------------------------------------------------------------------------------------
// Countries
// ---------------------------------------------------------------------------------------------

const ISO_CODES_URL =
  'https://github.com/lukes/ISO-3166-Countries-with-Regional-Codes/blob/master/slim-3/slim-3.csv';
const NATIVE_NAMES_URL =
  'https://github.com/annexare/Countries/blob/master/dist/minimal/countries.native.min.json';
/** States the founding date (8 Aug 1967) and each later accession date for the first ten members. */
const ASEAN_MEMBERSHIP_URL = 'http://www.businessinasean.com/en/about-asean/introduction-to-asean.html';

export const countries: readonly SeedCountry[] = [
  {
    code: 'BN',
    alpha3: 'BRN',
    name: 'Brunei Darussalam',
    nativeName: 'Negara Brunei Darussalam',
    // Most sources give 7 Jan 1984; the ASEAN-Japan Centre outline page gives 8 Jan 1984.
    aseanMemberSince: '1984-01-07',
    sourceUrl: ASEAN_MEMBERSHIP_URL,
    isoCodesSourceUrl: ISO_CODES_URL,
    nativeNameSourceUrl: NATIVE_NAMES_URL,
  },
  {
    code: 'KH',
    alpha3: 'KHM',
    name: 'Cambodia',
    // The dataset only has a romanised form ("Kâmpŭchéa"); the Khmer-script name was not confirmed.
    nativeName: null,
    aseanMemberSince: '1999-04-30',
    sourceUrl: ASEAN_MEMBERSHIP_URL,
    isoCodesSourceUrl: ISO_CODES_URL,
  },
  {
    code: 'ID',
    alpha3: 'IDN',
    name: 'Indonesia',
    nativeName: 'Indonesia',
    aseanMemberSince: '1967-08-08',
    sourceUrl: ASEAN_MEMBERSHIP_URL,
    isoCodesSourceUrl: ISO_CODES_URL,
    nativeNameSourceUrl: NATIVE_NAMES_URL,
  },
  {
    code: 'LA',
    alpha3: 'LAO',
    name: "Lao People's Democratic Republic",
    nativeName: 'ສປປລາວ',
    aseanMemberSince: '1997-07-23',
    sourceUrl: ASEAN_MEMBERSHIP_URL,
    isoCodesSourceUrl: ISO_CODES_URL,
    nativeNameSourceUrl: NATIVE_NAMES_URL,
  },
  {
    code: 'MY',
    alpha3: 'MYS',
    name: 'Malaysia',
    nativeName: 'Malaysia',
    aseanMemberSince: '1967-08-08',
    sourceUrl: ASEAN_MEMBERSHIP_URL,
    isoCodesSourceUrl: ISO_CODES_URL,
    nativeNameSourceUrl: NATIVE_NAMES_URL,
  },
  {
    code: 'MM',
    alpha3: 'MMR',
    name: 'Myanmar',
    nativeName: 'မြန်မာ',
    aseanMemberSince: '1997-07-23',
    sourceUrl: ASEAN_MEMBERSHIP_URL,
    isoCodesSourceUrl: ISO_CODES_URL,
    nativeNameSourceUrl: NATIVE_NAMES_URL,
  },
  {
    code: 'PH',
    alpha3: 'PHL',
    name: 'Philippines',
    nativeName: 'Pilipinas',
    aseanMemberSince: '1967-08-08',
    sourceUrl: ASEAN_MEMBERSHIP_URL,
    isoCodesSourceUrl: ISO_CODES_URL,
    nativeNameSourceUrl: NATIVE_NAMES_URL,
  },
  {
    code: 'SG',
    alpha3: 'SGP',
    name: 'Singapore',
    // Only the English form is in the dataset; Malay/Chinese/Tamil forms were not checked.
    nativeName: 'Singapore',
    aseanMemberSince: '1967-08-08',
    sourceUrl: ASEAN_MEMBERSHIP_URL,
    isoCodesSourceUrl: ISO_CODES_URL,
    nativeNameSourceUrl: NATIVE_NAMES_URL,
  },
  {
    code: 'TH',
    alpha3: 'THA',
    name: 'Thailand',
    nativeName: 'ประเทศไทย',
    aseanMemberSince: '1967-08-08',
    sourceUrl: ASEAN_MEMBERSHIP_URL,
    isoCodesSourceUrl: ISO_CODES_URL,
    nativeNameSourceUrl: NATIVE_NAMES_URL,
  },
  {
    code: 'VN',
    alpha3: 'VNM',
    name: 'Viet Nam',
    nativeName: 'Việt Nam',
    aseanMemberSince: '1995-07-28',
    sourceUrl: ASEAN_MEMBERSHIP_URL,
    isoCodesSourceUrl: ISO_CODES_URL,
    nativeNameSourceUrl: NATIVE_NAMES_URL,
  },
  {
    code: 'TL',
    alpha3: 'TLS',
    name: 'Timor-Leste',
    nativeName: 'Timor-Leste',
    // Admitted as the 11th member at the 47th ASEAN Summit, Kuala Lumpur.
    aseanMemberSince: '2025-10-26',
    sourceUrl: 'https://www.lokmattimes.com/international/timor-leste-becomes-11th-member-of-asean/',
    isoCodesSourceUrl: ISO_CODES_URL,
    nativeNameSourceUrl: NATIVE_NAMES_URL,
  },
  {
    code: 'CN',
    alpha3: 'CHN',
    name: 'China',
    nativeName: '中国',
    aseanMemberSince: null, // ASEAN dialogue partner, not a member
    sourceUrl: ISO_CODES_URL,
    isoCodesSourceUrl: ISO_CODES_URL,
    nativeNameSourceUrl: NATIVE_NAMES_URL,
  },
];

// ---------------------------------------------------------------------------------------------
// Organizations
// ---------------------------------------------------------------------------------------------

export const organizations: readonly SeedOrganization[] = [
  // --- Brunei ---------------------------------------------------------------------------------
  {
    id: 'bn-brucert',
    countryCode: 'BN',
    name: 'Brunei Computer Emergency Response Team',
    acronym: 'BruCERT',
    kind: 'CERT',
    website: 'http://www.brucert.org.bn',
    constituency:
      "Brunei's national CERT, set up in May 2004 together with AITI; the national point of contact for computer security incidents.",
    sourceUrl: 'http://www.brucert.org.bn/FAQ.htm',
  },
  {
    id: 'bn-csb',
    countryCode: 'BN',
    name: 'Cyber Security Brunei',
    acronym: 'CSB',
    kind: 'CYBER_AGENCY',
    website: null,
    constituency:
      "Brunei's national cybersecurity agency, operating since 1 August 2020 under the Ministry of Transport and Infocommunications; BruCERT comes under its oversight.",
    sourceUrl: 'https://thescoop.co/2020/10/13/national-cyber-security-agency-begins-operations/',
  },
  {
    id: 'bn-aiti',
    countryCode: 'BN',
    name: 'Authority for Info-communications Technology Industry of Brunei Darussalam',
    acronym: 'AITI',
    kind: 'REGULATOR',
    website: 'http://www.aiti.gov.bn',
    constituency:
      "Brunei's info-communications industry regulator; it consulted on and administers the Personal Data Protection Order (PDPO 2025), which covers private-sector organisations and NGOs.",
    sourceUrl: 'https://legacy.dataguidance.com/node/469904',
    additionalSourceUrls: [
      'https://thescoop.co/2025/03/08/brunei-enacts-new-law-giving-citizens-control-over-personal-data',
      'https://globalprivacylaws.com/laws/pdpo-brunei/',
      'http://www.aiti.gov.bn/SitePages/News.aspx?AID=26',
    ],
    notes:
      'Classified as REGULATOR (ICT regulator that also acts as the PDPO authority). Exact PDPO in-force date not confirmed.',
  },

  // --- Cambodia -------------------------------------------------------------------------------
  {
    id: 'kh-camcert',
    countryCode: 'KH',
    name: 'Cambodia Computer Emergency Response Team',
    acronym: 'CamCERT',
    kind: 'CERT',
    website: null,
    constituency:
      "Cambodia's government lead for ICT security and contact point for reported cybersecurity incidents; managed by the General Department of ICT of the Ministry of Post and Telecommunications.",
    sourceUrl:
      'https://govinsider.asia/intl-id/article/meet-gis-cybersecurity-champion-he-sam-sethserey-director-general-of-the-general-department-of-the-ict-department-ministry-of-post-and-telecommunications-mptc-cambodia',
    additionalSourceUrls: [
      'http://www.nisc.go.jp/security-site/eng/campaign/column/20171016_cambodia_e.html',
    ],
    notes: 'Website not confirmed.',
  },
  {
    id: 'kh-mptc',
    countryCode: 'KH',
    name: 'Ministry of Post and Telecommunications',
    acronym: 'MPTC',
    kind: 'MINISTRY',
    website: null,
    constituency:
      "Oversees and regulates Cambodia's post, telecom and ICT sector and leads on cybersecurity; it is drafting a cybersecurity law and produced a first draft personal data protection law in November 2022.",
    sourceUrl:
      'https://mondaq.com/security/1491068/regional-guide-to-cybersecurity-and-data-protection-in-mainland-southeast-asia',
    additionalSourceUrls: [
      'https://govinsider.asia/intl-id/article/meet-gis-cybersecurity-champion-he-sam-sethserey-director-general-of-the-general-department-of-the-ict-department-ministry-of-post-and-telecommunications-mptc-cambodia',
    ],
  },

  // --- Indonesia ------------------------------------------------------------------------------
  {
    id: 'id-idsirtii',
    countryCode: 'ID',
    name: 'Indonesia Security Incident Response Team on Internet Infrastructure/Coordination Center',
    acronym: 'Id-SIRTII/CC',
    kind: 'CERT',
    website: 'https://www.idsirtii.or.id',
    constituency:
      "Indonesia's national incident response and coordination team for internet infrastructure, housed at BSSN.",
    sourceUrl: 'https://www.idsirtii.or.id/halaman/tentang/rfc-2350.html',
  },
  {
    id: 'id-bssn',
    countryCode: 'ID',
    name: 'Badan Siber dan Sandi Negara',
    acronym: 'BSSN',
    kind: 'CYBER_AGENCY',
    website: null,
    constituency:
      "Indonesia's national cyber and cryptography agency, created by Presidential Regulation 53/2017 and now governed by Presidential Regulation 28/2021; also runs a government CSIRT.",
    sourceUrl: 'https://kompaspedia.kompas.id/baca/profil/lembaga/badan-siber-dan-sandi-negara-bssn',
    additionalSourceUrls: [
      'https://infokomputer.grid.id/amp/121785701/bssn-resmikan-pusat-operasi-keamanan-siber-nasional-ini-tugasnya?page=all',
    ],
  },
  {
    id: 'id-komdigi',
    countryCode: 'ID',
    name: 'Kementerian Komunikasi dan Digital',
    acronym: 'Komdigi',
    kind: 'MINISTRY',
    website: null,
    constituency:
      "Indonesia's ministry for communications and digital affairs, the renamed Ministry of Communication and Informatics (Kominfo) of the cabinet announced in October 2024; it published a national AI roadmap white paper in August 2025.",
    sourceUrl: 'https://viva.co.id/amp/berita/nasional/1763922-meutya-hafid-kominfo-berubah-jadi-komdigi',
    additionalSourceUrls: [
      'https://govinsider.asia/indo-en/article/peta-jalan-ai-nasional-antara-ekosistem-talenta-dan-danantara',
    ],
    notes:
      'Whether the personal-data-protection authority foreseen by Law 27/2022 now exists (and where it sits) is not confirmed.',
  },

  // --- Laos -----------------------------------------------------------------------------------
  {
    id: 'la-laocert',
    countryCode: 'LA',
    name: 'Lao Computer Emergency Response Team',
    acronym: 'LaoCERT',
    kind: 'CERT',
    website: 'https://www.laocert.gov.la',
    constituency:
      'National CERT of Lao PDR: created in February 2012 as a division of the Lao National Internet Center and made the national CERT in June 2016, directly under the then Ministry of Post and Telecommunications; an APCERT member.',
    sourceUrl: 'https://www.laocert.gov.la/en/Page-1-About-LaoCERT',
    notes: 'Current parent ministry after the later ministry reorganisations not confirmed.',
  },
  {
    id: 'la-mtc',
    countryCode: 'LA',
    name: 'Ministry of Technology and Communications',
    acronym: null,
    kind: 'MINISTRY',
    website: null,
    constituency:
      "Lao PDR's ministry for technology and communications, listed among the government ministries after the March 2025 restructuring.",
    sourceUrl: 'https://www.nationthailand.com/blogs/news/general/40047662',
    additionalSourceUrls: [
      'https://www.ecbnnews.com/2024/05/21/the-completion-and-handover-of-chinas-aid-to-laos-institute-of-posts-and-telecommunications-2397/',
    ],
    notes:
      'Treated here as the successor of the Ministry of Post and Telecommunications (which took part in the 2015 and 2016 events below); the date and terms of the renaming were not confirmed in a source. Its acronym and its role as data-protection regulator are not confirmed.',
  },

  // --- Malaysia -------------------------------------------------------------------------------
  {
    id: 'my-mycert',
    countryCode: 'MY',
    name: 'Malaysia Computer Emergency Response Team',
    acronym: 'MyCERT',
    kind: 'CERT',
    website: 'https://www.mycert.org.my',
    constituency:
      "Malaysia's national CERT, formed on 13 January 1997 and operated by CyberSecurity Malaysia; handles incident reports from the public and organisations.",
    // CyberSecurity Malaysia's own history page (MyCERT formed 13 January 1997 under MIMOS, later under
    // NISER, which became CyberSecurity Malaysia); replaces a vendor's portfolio page (issue #22).
    sourceUrl: 'https://www.cybersecurity.my/en/about_us/history/main/detail/734/index.html',
    additionalSourceUrls: [
      'https://mcigroup.my/2021/06/03/4615-cybersecurity-incidents-reported-from-jan-may',
    ],
  },
  {
    id: 'my-csm',
    countryCode: 'MY',
    name: 'CyberSecurity Malaysia',
    acronym: null,
    kind: 'CYBER_AGENCY',
    website: 'https://www.cybersecurity.my',
    constituency:
      'National body for cyber security, formerly NISER (MyCERT was placed under it in 2001); spun off from MIMOS, registered on 30 March 2007 as a not-for-profit company limited by guarantee under the supervision of MOSTI, and rebranded CyberSecurity Malaysia (launched 20 August 2007) to reflect its wider mandate under the National Cyber Security Policy.',
    // Primary: its own history page (issue #22 replaced a vendor's portfolio page).
    sourceUrl: 'https://www.cybersecurity.my/en/about_us/history/main/detail/734/index.html',
    notes: 'Supervising ministry after 2007 not confirmed in a source read (MOSTI at registration).',
  },
  {
    id: 'my-nacsa',
    countryCode: 'MY',
    name: 'National Cyber Security Agency',
    acronym: 'NACSA',
    kind: 'CYBER_AGENCY',
    website: null,
    constituency:
      "Malaysia's lead cybersecurity agency, set up in 2017 under the National Security Council in the Prime Minister's Department; administers the Cyber Security Act 2024 (Act 854), in force since 26 August 2024.",
    sourceUrl:
      'https://adj.com.my/2024/08/06/ir-dr-megat-zuhairy-megat-tajuddin-national-cyber-security-agency-nacsa-chief-executive',
    additionalSourceUrls: [
      'https://nst.com.my/amp/news/nation/2024/08/1097740/nacsa-revamp-critical-infrastructure-list-under-new-cyber-security-act',
    ],
  },
  {
    id: 'my-jpdp',
    countryCode: 'MY',
    name: 'Personal Data Protection Department (Jabatan Perlindungan Data Peribadi)',
    acronym: 'JPDP',
    kind: 'DATA_PROTECTION_AUTHORITY',
    website: 'https://www.pdp.gov.my',
    constituency:
      'Supports the Personal Data Protection Commissioner in enforcing the Personal Data Protection Act 2010 (in force since 15 November 2013) for commercial processing of personal data.',
    // Primary: JPDP's own portal states its regulatory and enforcement functions under Act 709.
    sourceUrl: 'https://www.pdp.gov.my/ppdpv1/privacy',
    additionalSourceUrls: [
      'https://www.worldipreview.com/article/personal-data-protection-in-malaysia',
      'https://www.kensington-trust.com/malaysia-personal-data-protection-act-2010/',
    ],
  },

  // --- Myanmar --------------------------------------------------------------------------------
  {
    id: 'mm-mmcert',
    countryCode: 'MM',
    name: 'Myanmar Computer Emergency Response Team',
    acronym: 'mmCERT',
    kind: 'CERT',
    website: null,
    constituency:
      "Myanmar's national CERT, first formed in late 2004 under the e-National Task Force; later described as the CERT division of the National Cyber Security Center under the Ministry of Transport and Communications.",
    sourceUrl: 'https://www.mindofcyber.com/2025/10/04/myanmars-cybersecurity',
    additionalSourceUrls: [
      'http://ifg.cc/en/aktuelles/nachrichten/regionen/559-mm-myanmar/23819-myanmar-commits-to-combat-cyber-crime.html',
    ],
    notes:
      'Primary source is a 2025 blog overview plus a 2000s news item; no official mmCERT page was found. Website and current operating status not confirmed.',
  },
  {
    id: 'mm-ncsc',
    countryCode: 'MM',
    name: 'National Cyber Security Centre',
    acronym: 'NCSC',
    kind: 'CYBER_AGENCY',
    website: null,
    constituency:
      "Myanmar's national cybersecurity centre, overseen by the Ministry of Transport and Communications; protects government networks and set up a security operations centre with help from a South Korean telecom company (reported around 2020).",
    sourceUrl: 'https://newsviews.thuraswiss.com/government-to-bring-in-korean-cyber-security-experts/page/2',
    additionalSourceUrls: ['https://www.mindofcyber.com/2025/10/04/myanmars-cybersecurity'],
  },
  {
    id: 'mm-motc',
    countryCode: 'MM',
    name: 'Ministry of Transport and Communications',
    acronym: 'MoTC',
    kind: 'MINISTRY',
    website: null,
    constituency:
      "Myanmar ministry responsible for communications; its Information Technology and Cyber Security Department oversees the NCSC and co-organised Myanmar's first national cybersecurity awareness month (launched 4 October 2019).",
    sourceUrl:
      'http://miradio.com.mm/news/myanmar%E2%80%99s-first-ever-national-cybersecurity-awareness-month',
    notes:
      'Data-protection regulator: unknown (Myanmar has no standalone data protection law; personal-data sections were added to the Electronic Transactions Law in 2021).',
  },

  // --- Philippines ----------------------------------------------------------------------------
  {
    id: 'ph-certph',
    countryCode: 'PH',
    name: 'National Computer Emergency Response Team',
    acronym: 'CERT-PH',
    kind: 'CERT',
    website: 'https://www.ncert.gov.ph',
    constituency:
      'National CERT of the Philippines (also called NCERT), a division of the Cybersecurity Bureau of the Department of Information and Communications Technology.',
    sourceUrl: 'https://www.ncert.gov.ph/about-us/ncert/',
  },
  {
    id: 'ph-dict',
    countryCode: 'PH',
    name: 'Department of Information and Communications Technology',
    acronym: 'DICT',
    kind: 'MINISTRY',
    website: null,
    constituency:
      'Philippine executive department for ICT; its Cybersecurity Bureau houses CERT-PH. Represented at the launch of the ASEAN Regional CERT facility in October 2024.',
    sourceUrl: 'https://www.ncert.gov.ph/about-us/ncert/',
    additionalSourceUrls: ['https://philstartech.com/?p=8371'],
  },
  {
    id: 'ph-npc',
    countryCode: 'PH',
    name: 'National Privacy Commission',
    acronym: 'NPC',
    kind: 'DATA_PROTECTION_AUTHORITY',
    website: null,
    constituency:
      'Data protection authority of the Philippines that administers and enforces the Data Privacy Act of 2012 (RA 10173), including registration of personal-data processing systems.',
    sourceUrl:
      'https://respicio.ph/commentaries/data-privacy-act-compliance-and-national-privacy-commission-registration',
  },

  // --- Singapore (including regional bodies hosted in Singapore) -------------------------------
  {
    id: 'sg-singcert',
    countryCode: 'SG',
    name: 'Singapore Cyber Emergency Response Team',
    acronym: 'SingCERT',
    kind: 'CERT',
    website: 'https://www.csa.gov.sg/singcert',
    constituency:
      "Singapore's national CERT under the Cyber Security Agency: point of contact for the public, businesses and foreign CERTs; issues alerts and advisories and runs CERT exercises. Set up in October 1997 under the then IDA, moved to CSA in 2015.",
    sourceUrl: 'https://www.csa.gov.sg/faq/singcert',
    additionalSourceUrls: ['https://www.csa.gov.sg/singcert/about-us/faqs'],
    notes:
      'The CSA FAQ gives office hours (Mon–Thu 9:00–18:00, Fri 9:00–17:30 SGT) for SingCERT, not a 24x7 desk.',
  },
  {
    id: 'sg-csa',
    countryCode: 'SG',
    name: 'Cyber Security Agency of Singapore',
    acronym: 'CSA',
    kind: 'CYBER_AGENCY',
    website: 'https://www.csa.gov.sg',
    constituency:
      "Singapore's national cybersecurity agency, with powers under the Cybersecurity Act 2018; hosts SingCERT and has organised the annual ASEAN CERT Incident Drill.",
    sourceUrl: 'https://globaldatareview.com/insight/handbook/2023/article/singapore-cybersecurity',
    additionalSourceUrls: ['https://www.csa.gov.sg/faq/singcert'],
  },
  {
    id: 'sg-pdpc',
    countryCode: 'SG',
    name: 'Personal Data Protection Commission',
    acronym: 'PDPC',
    kind: 'DATA_PROTECTION_AUTHORITY',
    website: null,
    constituency: "Singapore's regulator for the Personal Data Protection Act 2012.",
    sourceUrl:
      'https://cms.law/en/int/expert-guides/cms-expert-guide-to-data-protection-and-cyber-security-laws/singapore',
    notes: 'In-force dates of the PDPA and the PDPC website were not confirmed.',
  },
  {
    id: 'sg-ascce',
    countryCode: 'SG',
    name: 'ASEAN-Singapore Cybersecurity Centre of Excellence',
    acronym: 'ASCCE',
    kind: 'RESEARCH_INSTITUTE',
    website: null,
    constituency:
      'Regional centre funded by Singapore (about S$30m over five years) that trains ASEAN national CERTs and officials in cyber policy, strategy and technical skills; launched at the 4th AMCC in October 2019, North Bridge Road campus formally opened on 6 October 2021.',
    sourceUrl:
      'https://www.straitstimes.com/tech/tech-news/asean-spore-centre-for-training-national-cyber-security-teams-opens-new-campus',
    additionalSourceUrls: [
      'https://www.straitstimes.com/tech/centre-for-asean-to-jointly-tackle-cyber-threats',
    ],
    notes: 'Kind is the closest fit: the centre is a training centre and cyber think-tank.',
  },
  {
    id: 'sg-asean-regional-cert',
    countryCode: 'SG',
    name: 'ASEAN Regional Computer Emergency Response Team',
    acronym: 'ASEAN Regional CERT',
    kind: 'CERT',
    website: null,
    constituency:
      'Regional CERT for the ASEAN Member States: coordinates information sharing between national CERTs, keeps an ASEAN point-of-contact network, runs regional exercises and capacity building. Physical facility in Singapore, co-located with the ASCCE, funded and hosted by Singapore for up to 10 years (US$10.1m); launched 16 October 2024.',
    sourceUrl:
      'https://csa.gov.sg/news-events/press-releases/singapore-and-asean-member-states-deepen-commitment-to-enhance-collective-cybersecurity-in-the-region',
    additionalSourceUrls: [
      'https://itiger.com/news/2476390370',
      'https://csa.gov.sg/News-Events/Press-Releases/2024/singapore-moves-ahead-to-establish-the-asean-regional-cert-to-strengthen-regional-cybersecurity',
    ],
    notes:
      'Regional body, recorded under its host country (SG). Acronym is the public short name, not an official acronym.',
  },

  // --- Thailand (including the regional AJCCBC hosted in Bangkok) ------------------------------
  {
    id: 'th-thaicert',
    countryCode: 'TH',
    name: 'Thailand Computer Emergency Response Team',
    acronym: 'ThaiCERT',
    kind: 'CERT',
    website: 'https://www.thaicert.or.th',
    constituency:
      "Thailand's national computer security incident response team: trusted contact point for coordinating incidents in the Thai internet domain, plus a digital forensics service.",
    sourceUrl: 'https://www.thaicert.or.th/services-en.html',
    additionalSourceUrls: [
      'https://www.inkl.com/news/thaicert-moving-to-ncsa-under-new-law',
      'https://www.thaicert.or.th/en/authority-and-duties/',
    ],
    notes:
      'In 2019 ThaiCERT was an ETDA unit due to move to the NCSA; whether and when the move was completed is not confirmed.',
  },
  {
    id: 'th-ncsa',
    countryCode: 'TH',
    name: 'National Cyber Security Agency',
    acronym: 'NCSA',
    kind: 'CYBER_AGENCY',
    website: null,
    constituency:
      "Thailand's cybersecurity agency under the Cybersecurity Act B.E. 2562 (2019); began operating in 2021 and regulates critical information infrastructure through codes of practice and baseline security. Co-runs the AJCCBC with JICA for 2023–2027.",
    sourceUrl:
      'https://bangkokherald.com/business/tech/thailands-1st-cyber-security-agency-begins-operations/',
    additionalSourceUrls: ['https://ajccbc.ncsa.or.th/privacy-policy/'],
  },
  {
    id: 'th-pdpc',
    countryCode: 'TH',
    name: 'Personal Data Protection Committee',
    acronym: 'PDPC',
    kind: 'DATA_PROTECTION_AUTHORITY',
    website: null,
    constituency:
      "Thailand's regulator under the Personal Data Protection Act B.E. 2562 (2019), fully in force since 1 June 2022; supported by the Office of the Personal Data Protection Committee.",
    sourceUrl:
      'https://asiasociety.org/policy-institute/raising-standards-data-ai-southeast-asia/data/thailand',
    additionalSourceUrls: [
      'https://library.siam-legal.com/thai-law/personal-data-protection-committee-sections-8-18',
      'https://library.siam-legal.com/thai-law/personal-data-protection-act-office-of-the-personal-data-protection-committee-sections-43-70',
    ],
  },
  {
    id: 'th-ajccbc',
    countryCode: 'TH',
    name: 'ASEAN-Japan Cybersecurity Capacity Building Centre',
    acronym: 'AJCCBC',
    kind: 'RESEARCH_INSTITUTE',
    website: 'https://ajccbc.ncsa.or.th',
    constituency:
      'Bangkok training centre for cybersecurity staff of ASEAN government agencies and critical-infrastructure operators (cyber defence exercises, digital forensics, malware analysis). Opened 14 September 2018 at ETDA with Japan-ASEAN Integration Fund money; run by JICA and NCSA for 2023–2027.',
    sourceUrl:
      'https://www.straitstimes.com/asia/se-asia/southeast-asian-cyber-security-centre-opens-in-thailand',
    additionalSourceUrls: [
      'https://ajccbc.ncsa.or.th/privacy-policy/',
      'https://jaif.asean.org/project-brief/asean-japan-cybersecurity-capacity-building-centre-step-2/',
    ],
    notes:
      'Regional body, recorded under its host country (TH). Kind is the closest fit for a training centre.',
  },

  // --- Viet Nam -------------------------------------------------------------------------------
  {
    id: 'vn-vncert',
    countryCode: 'VN',
    name: 'Vietnam Cybersecurity Emergency Response Teams/Coordination Center',
    acronym: 'VNCERT/CC',
    kind: 'CERT',
    website: null,
    constituency:
      "Viet Nam's national coordinator for cybersecurity incident response, formed in 2019 by the Ministry of Information and Communications from the former VNCERT and the information security testing centre; head office in Hanoi with branches in Ho Chi Minh City and Da Nang. An APCERT member.",
    sourceUrl:
      'https://lawnet.vn/thong-tin-phap-luat/en/tu-van-luat/organizational-structure-of-the-vietnam-cybersecurity-emergency-response-teams-coordination-center-127425.html',
    additionalSourceUrls: [
      'https://humannationalityvn.blogspot.com/2019/10/cybersecurity-emergency-response-center.html',
      'https://en.vietnamplus.vn/asean-dialogue-countries-enhance-cooperation-in-coping-with-cyberattacks/269837.vnp',
    ],
    notes:
      "In 2019 it sat under the MIC's Authority of Information Security. In 2025 the MIC's cybersecurity functions passed to the Ministry of Public Security and the MIC merged with the Ministry of Science and Technology; VNCERT/CC's parent after that is not confirmed. Website not confirmed.",
  },
  {
    id: 'vn-ais',
    countryCode: 'VN',
    name: 'Authority of Information Security',
    acronym: 'AIS',
    kind: 'CYBER_AGENCY',
    website: null,
    constituency:
      'Information security authority (Cục An toàn thông tin) of the Ministry of Information and Communications: state management of information security and national coordination of incident response; co-organised the ASEAN Student Contest on Information Security.',
    sourceUrl:
      'https://www.sggpnews.org.vn/science_technology/vietnam-intensifies-fight-against-law-violations-crimes-in-internet-environment-97572.html',
    additionalSourceUrls: [
      'https://en.vietnamplus.vn/2021-asean-student-contest-on-information-security-to-be-held-online/207027.vnp',
      'http://tothethao.com/bong-da_en/cybersecurity-protection-function-handed-over-to-public-security-ministry-2376215.html',
    ],
    notes:
      'Status after the 2025 restructuring (MIC cybersecurity functions handed to the Ministry of Public Security on 28 Feb 2025; MIC merged into the Ministry of Science and Technology) is not confirmed.',
  },
  {
    id: 'vn-a05',
    countryCode: 'VN',
    name: 'Department of Cyber Security and High-tech Crime Prevention and Control, Ministry of Public Security',
    acronym: 'A05',
    kind: 'CYBER_AGENCY',
    website: null,
    constituency:
      'Ministry of Public Security department that took over state management of network information security from the MIC in 2025; named by secondary sources as the personal-data-protection authority under Decree 13/2023 and the 2025 PDP Law.',
    sourceUrl:
      'https://vietnam.vn/en/bo-cong-an-de-xuat-hop-nhat-2-luat-linh-vuc-an-toan-thong-tin-va-an-ninh-mang',
    additionalSourceUrls: [
      'https://www.recordinglaw.com/world-laws/world-data-privacy-laws/vietnam-data-privacy-laws/',
      'https://vietnam.vn/en/hop-luc-bao-ve-an-ninh-mang-trong-giai-doan-moi',
    ],
    notes: 'Its data-protection role is confirmed only by a secondary source.',
  },

  // --- Timor-Leste ----------------------------------------------------------------------------
  // No national CERT/CSIRT for Timor-Leste was found in any source (an ITU profile said none existed;
  // 2025–2026 government pages describe an interministerial cybersecurity working group instead).
  {
    id: 'tl-tic',
    countryCode: 'TL',
    name: 'Information and Communication Technology Agency (TIC TIMOR, I.P.)',
    acronym: 'TIC TIMOR',
    kind: 'MINISTRY',
    website: 'https://www.tic.gov.tl',
    constituency:
      "Timor-Leste's public ICT agency, created by Decree-Law 29/2017 and supervised by the Prime Minister: implements the national ICT policy and e-government, and hosts government IT systems, websites and data centres.",
    sourceUrl:
      'https://www.tic.gov.tl/en/content/xecutive-director-tic-timor-ip-was-interviewed-tatoli-agency-regarding-electronic-government',
    additionalSourceUrls: [
      'https://www.tic.gov.tl/en/content/there-are-42-state-institutions-have-registered-website-timor-tic-ip-system-and-applications',
    ],
    notes:
      'A public institute, not a ministry; MINISTRY is the closest available kind for a government digital body.',
  },
  {
    id: 'tl-anc',
    countryCode: 'TL',
    name: 'National Authority of Telecommunications',
    acronym: 'ANC',
    kind: 'REGULATOR',
    website: 'http://anc.tl',
    constituency:
      "Timor-Leste's telecommunications regulator, a public institute created by Decree-Law 15/2012 of 28 March 2012; licenses operators and assigns radio spectrum.",
    sourceUrl: 'https://timor-leste.gov.tl/?lang=en&p=11107&print=1',
    additionalSourceUrls: ['http://anc.tl/legislation/index.html', 'https://rafa.tl/?p=18269'],
    notes:
      'English name as in a 2015 government press release; other pages call it the national authority for communications. Data protection law/authority for Timor-Leste: unknown.',
  },
  {
    id: 'tl-gics',
    countryCode: 'TL',
    name: 'Interministerial Cybersecurity Working Group (Grupo de Trabalho Interministerial de Cibersegurança)',
    acronym: 'GICS',
    kind: 'CYBER_AGENCY',
    website: null,
    constituency:
      'Government coordination group on cybersecurity created by Order 021/PM/X/2025, politically coordinated by the Presidency of the Council of Ministers; working on a gap analysis and national cybersecurity roadmap, including protection of the new submarine cable.',
    sourceUrl: 'https://timor-leste.gov.tl/?lang=pt&p=47290&print=1',
    additionalSourceUrls: ['https://timor-leste.gov.tl/?lang=pt&n=1&p=45059'],
    notes: 'A working group, not an agency; CYBER_AGENCY is the closest available kind.',
  },

  // --- China ----------------------------------------------------------------------------------
  {
    id: 'cn-cncert',
    countryCode: 'CN',
    name: 'National Computer Network Emergency Response Technical Team/Coordination Center of China',
    acronym: 'CNCERT/CC',
    kind: 'CERT',
    website: 'https://www.cert.org.cn',
    constituency:
      "China's national CERT, founded in September 2002 and directly under the Cyberspace Administration of China; coordinates network security incident response and international CERT cooperation, and has joined the ASEAN CERT Incident Drill as a dialogue-partner team.",
    sourceUrl: 'https://www.cert.org.cn/publish/english/index.html',
    additionalSourceUrls: [
      'https://en.wikipedia.org/wiki/National_Computer_Network_Emergency_Response_Technical_Team/Coordination_Center_of_China',
      'https://www.cert.org.cn/publish/english/55/2017/20170926154444934286618/20170926154444934286618_.html',
    ],
  },
  {
    id: 'cn-cac',
    countryCode: 'CN',
    name: 'Cyberspace Administration of China',
    acronym: 'CAC',
    kind: 'CYBER_AGENCY',
    website: 'https://www.cac.gov.cn',
    constituency:
      "China's cyberspace regulator and the 'state cyberspace administration' of the Personal Information Protection Law: runs security assessments and standard-contract filings for outbound personal data; in December 2025 proposed China–ASEAN cooperation on cybersecurity, AI and cross-border data.",
    sourceUrl: 'https://personalinformationprotectionlaw.com/PIPL/tag/state-cyberspace-administration/',
    additionalSourceUrls: ['https://www.cac.gov.cn/2025-12/04/c_1766577618173846.htm'],
    notes: 'Classified as CYBER_AGENCY; it is also the data-protection regulator for cross-border transfers.',
  },
];

// ---------------------------------------------------------------------------------------------
// Contacts — ALL FICTIONAL (names, mailboxes, phones and PGP fingerprints are made up)
// ---------------------------------------------------------------------------------------------

export const contacts: readonly SeedContact[] = [
  // Brunei
  {
    organizationId: 'bn-brucert',
    name: 'Duty Officer (24x7 desk)',
    title: 'Incident Response Duty Desk',
    email: 'ir-duty@brucert.example',
    phone: '+673 000 0101',
    roles: ['INCIDENT_RESPONSE', 'TECHNICAL'],
    available24x7: true,
    timezone: 'Asia/Brunei',
    pgpFingerprint: '9E5333C64D56B817365A50A8448DA8BEDACCC5FA',
    verifications: [
      { daysAgo: 210, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null },
      {
        daysAgo: 21,
        method: 'PGP_CHALLENGE',
        outcome: 'CONFIRMED',
        note: 'Signed challenge returned within 2 hours.',
      },
    ],
  },
  {
    organizationId: 'bn-brucert',
    name: 'Hazim Matusin (fictional)',
    title: 'Threat Intelligence Analyst',
    email: 'h.matusin@brucert.example',
    phone: null,
    roles: ['THREAT_SHARING'],
    available24x7: false,
    timezone: 'Asia/Brunei',
    pgpFingerprint: null,
    verifications: [{ daysAgo: 400, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null }],
  },
  {
    organizationId: 'bn-csb',
    name: 'National Cyber Coordination Desk',
    title: 'Inter-agency and international coordination mailbox',
    email: 'coordination@csb-bn.example',
    phone: '+673 000 0303',
    roles: ['DIPLOMATIC', 'INCIDENT_RESPONSE'],
    available24x7: false,
    timezone: 'Asia/Brunei',
    pgpFingerprint: null,
    verifications: [{ daysAgo: 45, method: 'PHONE_CALL', outcome: 'CONFIRMED', note: null }],
  },
  {
    organizationId: 'bn-aiti',
    name: 'Personal Data Protection Office (role mailbox)',
    title: 'PDPO enquiries and cross-border transfer questions',
    email: 'pdp-office@aiti.example',
    phone: '+673 000 0202',
    roles: ['DATA_FLOW_POLICY'],
    available24x7: false,
    timezone: 'Asia/Brunei',
    pgpFingerprint: null,
    verifications: [],
  },

  // Cambodia
  {
    organizationId: 'kh-camcert',
    name: 'Duty Officer (24x7 desk)',
    title: 'Incident Reporting Desk',
    email: 'incident@camcert.example',
    phone: '+855 23 000 0101',
    roles: ['INCIDENT_RESPONSE'],
    available24x7: true,
    timezone: 'Asia/Phnom_Penh',
    pgpFingerprint: '265D0477A3C97BE7682E0E53D429AEDDA99DA44E',
    verifications: [{ daysAgo: 30, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null }],
  },
  {
    organizationId: 'kh-camcert',
    name: 'Vannak Sothea (fictional)',
    title: 'Incident Coordination Lead',
    email: 'v.sothea@camcert.example',
    phone: null,
    roles: ['INCIDENT_RESPONSE', 'THREAT_SHARING'],
    available24x7: false,
    timezone: 'Asia/Phnom_Penh',
    pgpFingerprint: null,
    verifications: [
      { daysAgo: 150, method: 'EMAIL_PING', outcome: 'NO_RESPONSE', note: null },
      {
        daysAgo: 120,
        method: 'PHONE_CALL',
        outcome: 'CONFIRMED',
        note: 'Mailbox was full; confirmed by phone.',
      },
    ],
  },
  {
    organizationId: 'kh-mptc',
    name: 'Data Protection Policy Desk',
    title: 'Draft PDP law and cross-border data enquiries',
    email: 'dp-policy@mptc-kh.example',
    phone: null,
    roles: ['DATA_FLOW_POLICY', 'AI_POLICY'],
    available24x7: false,
    timezone: 'Asia/Phnom_Penh',
    pgpFingerprint: null,
    verifications: [],
  },

  // Indonesia
  {
    organizationId: 'id-idsirtii',
    name: 'Duty Officer (24x7 desk)',
    title: 'Incident Response Duty Desk',
    email: 'duty@idsirtii.example',
    phone: '+62 21 0000 0101',
    roles: ['INCIDENT_RESPONSE', 'TECHNICAL'],
    available24x7: true,
    timezone: 'Asia/Jakarta',
    pgpFingerprint: '13E9073069927EBE801FF34728443ABFE585FAB6',
    verifications: [
      { daysAgo: 180, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null },
      { daysAgo: 10, method: 'PGP_CHALLENGE', outcome: 'CONFIRMED', note: null },
    ],
  },
  {
    organizationId: 'id-idsirtii',
    name: 'Rina Kartikasari (fictional)',
    title: 'Threat Information Sharing Coordinator',
    email: 'r.kartikasari@idsirtii.example',
    phone: null,
    roles: ['THREAT_SHARING'],
    available24x7: false,
    timezone: 'Asia/Jakarta',
    pgpFingerprint: '3C9DF4A968EDACF76ACE92B1F4C27E4D0E55B962',
    verifications: [
      { daysAgo: 95, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: 'Due for re-verification.' },
    ],
  },
  {
    organizationId: 'id-bssn',
    name: 'International Cooperation Desk',
    title: 'Bilateral and regional cyber cooperation mailbox',
    email: 'intl-coop@bssn.example',
    phone: '+62 21 0000 0202',
    roles: ['DIPLOMATIC', 'THREAT_SHARING'],
    available24x7: false,
    timezone: 'Asia/Jakarta',
    pgpFingerprint: null,
    verifications: [{ daysAgo: 60, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null }],
  },
  {
    organizationId: 'id-komdigi',
    name: 'Personal Data Governance Desk',
    title: 'PDP Law implementation and AI roadmap enquiries',
    email: 'pdp-desk@komdigi.example',
    phone: null,
    roles: ['DATA_FLOW_POLICY', 'AI_POLICY'],
    available24x7: false,
    timezone: 'Asia/Jakarta',
    pgpFingerprint: null,
    verifications: [
      {
        daysAgo: 20,
        method: 'EMAIL_PING',
        outcome: 'BOUNCED',
        note: 'Old mailbox retired after the ministry was renamed.',
      },
    ],
  },

  // Laos
  {
    organizationId: 'la-laocert',
    name: 'Duty Officer (24x7 desk)',
    title: 'Incident Handling Duty Desk',
    email: 'duty@laocert.example',
    phone: '+856 21 000 101',
    roles: ['INCIDENT_RESPONSE'],
    available24x7: true,
    timezone: 'Asia/Vientiane',
    pgpFingerprint: 'FB3764A15364BA38E284012E7B19BA6D4EBDE1E7',
    verifications: [{ daysAgo: 300, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null }],
  },
  {
    organizationId: 'la-laocert',
    name: 'Khamphone Vongsa (fictional)',
    title: 'Network Monitoring Officer',
    email: 'k.vongsa@laocert.example',
    phone: null,
    roles: ['TECHNICAL', 'THREAT_SHARING'],
    available24x7: false,
    timezone: 'Asia/Vientiane',
    pgpFingerprint: null,
    verifications: [],
  },
  {
    organizationId: 'la-mtc',
    name: 'Electronic Data Protection Policy Desk',
    title: 'Law on Electronic Data Protection enquiries',
    email: 'edp-policy@mtc-la.example',
    phone: null,
    roles: ['DATA_FLOW_POLICY'],
    available24x7: false,
    timezone: 'Asia/Vientiane',
    pgpFingerprint: null,
    verifications: [],
  },

  // Malaysia
  {
    organizationId: 'my-mycert',
    name: 'Duty Officer (24x7 desk)',
    title: 'Incident Response Duty Desk',
    email: 'duty@mycert.example',
    phone: '+60 3 0000 0101',
    roles: ['INCIDENT_RESPONSE', 'TECHNICAL'],
    available24x7: true,
    timezone: 'Asia/Kuala_Lumpur',
    pgpFingerprint: 'D5D01BED070D69D80778D3C435CE970DB18A5A6B',
    verifications: [
      { daysAgo: 365, method: 'IN_PERSON', outcome: 'CONFIRMED', note: 'Met at a regional CERT meeting.' },
      { daysAgo: 14, method: 'PGP_CHALLENGE', outcome: 'CONFIRMED', note: null },
    ],
  },
  {
    organizationId: 'my-mycert',
    name: 'Nurul Izzati Kamarudin (fictional)',
    title: 'Malware Analyst',
    email: 'n.kamarudin@mycert.example',
    phone: null,
    roles: ['THREAT_SHARING', 'TECHNICAL'],
    available24x7: false,
    timezone: 'Asia/Kuala_Lumpur',
    pgpFingerprint: '24155C0D99819D284C2A0BBBE8D24A188903300C',
    verifications: [{ daysAgo: 75, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null }],
  },
  {
    organizationId: 'my-nacsa',
    name: 'International Engagement Desk',
    title: 'Regional cyber cooperation mailbox',
    email: 'intl@nacsa.example',
    phone: '+60 3 0000 0202',
    roles: ['DIPLOMATIC', 'INCIDENT_RESPONSE'],
    available24x7: false,
    timezone: 'Asia/Kuala_Lumpur',
    pgpFingerprint: null,
    verifications: [{ daysAgo: 33, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null }],
  },
  {
    organizationId: 'my-jpdp',
    name: 'Cross-border Transfer Enquiries (role mailbox)',
    title: 'PDPA 2010 transfer questions',
    email: 'xborder@jpdp.example',
    phone: null,
    roles: ['DATA_FLOW_POLICY'],
    available24x7: false,
    timezone: 'Asia/Kuala_Lumpur',
    pgpFingerprint: null,
    verifications: [{ daysAgo: 88, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null }],
  },
  {
    organizationId: 'my-jpdp',
    name: 'Farid Zulkefli (fictional)',
    title: 'Assistant Director, Compliance',
    email: 'f.zulkefli@jpdp.example',
    phone: '+60 3 0000 0303',
    roles: ['DATA_FLOW_POLICY'],
    available24x7: false,
    timezone: 'Asia/Kuala_Lumpur',
    pgpFingerprint: null,
    verifications: [{ daysAgo: 500, method: 'IN_PERSON', outcome: 'CONFIRMED', note: null }],
  },

  // Myanmar
  {
    organizationId: 'mm-mmcert',
    name: 'Duty Officer (24x7 desk)',
    title: 'Incident Response Duty Desk',
    email: 'duty@mmcert.example',
    phone: '+95 1 000 0101',
    roles: ['INCIDENT_RESPONSE'],
    available24x7: true,
    timezone: 'Asia/Yangon',
    pgpFingerprint: null,
    verifications: [
      { daysAgo: 180, method: 'EMAIL_PING', outcome: 'NO_RESPONSE', note: null },
      {
        daysAgo: 40,
        method: 'EMAIL_PING',
        outcome: 'NO_RESPONSE',
        note: 'Never confirmed; escalate via NCSC.',
      },
    ],
  },
  {
    organizationId: 'mm-ncsc',
    name: 'Security Operations Centre Liaison',
    title: 'Government network monitoring contact',
    email: 'soc-liaison@ncsc-mm.example',
    phone: null,
    roles: ['TECHNICAL', 'THREAT_SHARING'],
    available24x7: false,
    timezone: 'Asia/Yangon',
    pgpFingerprint: null,
    verifications: [{ daysAgo: 240, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null }],
  },

  // Philippines
  {
    organizationId: 'ph-certph',
    name: 'Duty Officer (24x7 desk)',
    title: 'National Incident Response Duty Desk',
    email: 'duty@certph.example',
    phone: '+63 2 0000 0101',
    roles: ['INCIDENT_RESPONSE', 'TECHNICAL'],
    available24x7: true,
    timezone: 'Asia/Manila',
    pgpFingerprint: '6405BD460AF137B1D69F771F67EC6FF0E3D49D3E',
    verifications: [
      { daysAgo: 130, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null },
      { daysAgo: 5, method: 'PGP_CHALLENGE', outcome: 'CONFIRMED', note: null },
    ],
  },
  {
    organizationId: 'ph-certph',
    name: 'Carmela Soriano (fictional)',
    title: 'Threat Intelligence Lead',
    email: 'c.soriano@certph.example',
    phone: null,
    roles: ['THREAT_SHARING'],
    available24x7: false,
    timezone: 'Asia/Manila',
    pgpFingerprint: '0C27A2041A87436A2CB4E683FD9F61997CEE8816',
    verifications: [{ daysAgo: 62, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null }],
  },
  {
    organizationId: 'ph-dict',
    name: 'Cybersecurity Bureau Liaison',
    title: 'International cooperation mailbox',
    email: 'cyber-liaison@dict.example',
    phone: null,
    roles: ['DIPLOMATIC', 'AI_POLICY'],
    available24x7: false,
    timezone: 'Asia/Manila',
    pgpFingerprint: null,
    verifications: [],
  },
  {
    organizationId: 'ph-npc',
    name: 'Data Transfer Compliance Desk',
    title: 'Data Privacy Act transfer and registration enquiries',
    email: 'transfers@npc-ph.example',
    phone: '+63 2 0000 0202',
    roles: ['DATA_FLOW_POLICY'],
    available24x7: false,
    timezone: 'Asia/Manila',
    pgpFingerprint: null,
    verifications: [{ daysAgo: 70, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null }],
  },

  // Singapore
  {
    organizationId: 'sg-singcert',
    name: 'Incident Reporting Desk (office hours)',
    title: 'Incident reporting and CERT-to-CERT contact',
    email: 'reports@singcert.example',
    phone: '+65 0000 0101',
    roles: ['INCIDENT_RESPONSE', 'THREAT_SHARING'],
    // The real SingCERT publishes office hours rather than a 24x7 desk; the fictional entry follows that.
    available24x7: false,
    timezone: 'Asia/Singapore',
    pgpFingerprint: '0B87AF66E3CB1A76AA1716B168A0DDBA40368128',
    verifications: [{ daysAgo: 18, method: 'PGP_CHALLENGE', outcome: 'CONFIRMED', note: null }],
  },
  {
    organizationId: 'sg-singcert',
    name: 'Chua Mei Xin (fictional)',
    title: 'Exercise Planner, regional CERT drills',
    email: 'm.chua@singcert.example',
    phone: null,
    roles: ['TECHNICAL', 'INCIDENT_RESPONSE'],
    available24x7: false,
    timezone: 'Asia/Singapore',
    pgpFingerprint: null,
    verifications: [
      { daysAgo: 380, method: 'IN_PERSON', outcome: 'CONFIRMED', note: null },
      { daysAgo: 200, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null },
    ],
  },
  {
    organizationId: 'sg-csa',
    name: 'International Cyber Policy Office',
    title: 'Policy and diplomacy mailbox',
    email: 'intl-policy@csa-sg.example',
    phone: null,
    roles: ['DIPLOMATIC', 'AI_POLICY'],
    available24x7: false,
    timezone: 'Asia/Singapore',
    pgpFingerprint: null,
    verifications: [{ daysAgo: 55, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null }],
  },
  {
    organizationId: 'sg-pdpc',
    name: 'Cross-border Data Flows Desk',
    title: 'Transfer mechanisms and model clauses enquiries',
    email: 'xborder@pdpc-sg.example',
    phone: '+65 0000 0202',
    roles: ['DATA_FLOW_POLICY', 'AI_POLICY'],
    available24x7: false,
    timezone: 'Asia/Singapore',
    pgpFingerprint: null,
    verifications: [{ daysAgo: 15, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null }],
  },
  {
    organizationId: 'sg-asean-regional-cert',
    name: 'Regional Coordination Mailbox',
    title: 'ASEAN point-of-contact network coordination',
    email: 'coordination@asean-regional-cert.example',
    phone: null,
    roles: ['THREAT_SHARING', 'INCIDENT_RESPONSE'],
    available24x7: false,
    timezone: 'Asia/Singapore',
    pgpFingerprint: '28A7F4901028D9DA1EEEBFB2F3157E029A45C4F7',
    verifications: [],
  },

  // Thailand
  {
    organizationId: 'th-thaicert',
    name: 'Duty Officer (24x7 desk)',
    title: 'Incident Coordination Duty Desk',
    email: 'duty@thaicert.example',
    phone: '+66 2 000 0101',
    roles: ['INCIDENT_RESPONSE', 'TECHNICAL'],
    available24x7: true,
    timezone: 'Asia/Bangkok',
    pgpFingerprint: '629AF69CC4B99E69BEFB05D9177F32EB6194208A',
    verifications: [{ daysAgo: 35, method: 'PHONE_CALL', outcome: 'CONFIRMED', note: null }],
  },
  {
    organizationId: 'th-thaicert',
    name: 'Kittipong Srisawat (fictional)',
    title: 'Digital Forensics Examiner',
    email: 'k.srisawat@thaicert.example',
    phone: null,
    roles: ['TECHNICAL'],
    available24x7: false,
    timezone: 'Asia/Bangkok',
    pgpFingerprint: null,
    verifications: [{ daysAgo: 260, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null }],
  },
  {
    organizationId: 'th-ncsa',
    name: 'CII Coordination Desk',
    title: 'Critical information infrastructure liaison',
    email: 'cii-desk@ncsa-th.example',
    phone: '+66 2 000 0202',
    roles: ['INCIDENT_RESPONSE', 'DIPLOMATIC'],
    available24x7: false,
    timezone: 'Asia/Bangkok',
    pgpFingerprint: null,
    verifications: [],
  },
  {
    organizationId: 'th-pdpc',
    name: 'Cross-border Transfer Desk',
    title: 'PDPA section 28/29 transfer enquiries',
    email: 'transfers@pdpc-th.example',
    phone: null,
    roles: ['DATA_FLOW_POLICY'],
    available24x7: false,
    timezone: 'Asia/Bangkok',
    pgpFingerprint: null,
    verifications: [{ daysAgo: 250, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null }],
  },
  {
    organizationId: 'th-ajccbc',
    name: 'Training Registration Desk',
    title: 'Course nominations for ASEAN participants',
    email: 'training@ajccbc.example',
    phone: null,
    roles: ['TECHNICAL'],
    available24x7: false,
    timezone: 'Asia/Bangkok',
    pgpFingerprint: null,
    verifications: [{ daysAgo: 12, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null }],
  },

  // Viet Nam
  {
    organizationId: 'vn-vncert',
    name: 'Duty Officer (24x7 desk)',
    title: 'National Incident Coordination Duty Desk',
    email: 'duty@vncert.example',
    phone: '+84 24 0000 0101',
    roles: ['INCIDENT_RESPONSE', 'TECHNICAL'],
    available24x7: true,
    timezone: 'Asia/Ho_Chi_Minh',
    pgpFingerprint: 'DD5C60C24B762CB5C90C64767EB0E07CDEB4FC63',
    verifications: [{ daysAgo: 50, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null }],
  },
  {
    organizationId: 'vn-vncert',
    name: 'Pham Thu Hien (fictional)',
    title: 'Incident Response Coordinator',
    email: 'p.hien@vncert.example',
    phone: null,
    roles: ['INCIDENT_RESPONSE', 'THREAT_SHARING'],
    available24x7: false,
    timezone: 'Asia/Ho_Chi_Minh',
    pgpFingerprint: null,
    verifications: [
      {
        daysAgo: 110,
        method: 'EMAIL_PING',
        outcome: 'WRONG_CONTACT',
        note: 'Moved to another unit; replacement pending.',
      },
    ],
  },
  {
    organizationId: 'vn-ais',
    name: 'Information Security Policy Desk',
    title: 'Policy and international cooperation mailbox',
    email: 'policy@ais-vn.example',
    phone: null,
    roles: ['DIPLOMATIC'],
    available24x7: false,
    timezone: 'Asia/Ho_Chi_Minh',
    pgpFingerprint: null,
    verifications: [
      { daysAgo: 400, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null },
      {
        daysAgo: 100,
        method: 'EMAIL_PING',
        outcome: 'BOUNCED',
        note: 'Bounced after the 2025 restructuring.',
      },
    ],
  },
  {
    organizationId: 'vn-a05',
    name: 'Personal Data Protection Desk',
    title: 'PDP Law and cross-border transfer dossier enquiries',
    email: 'pdp@a05.example',
    phone: '+84 24 0000 0202',
    roles: ['DATA_FLOW_POLICY'],
    available24x7: false,
    timezone: 'Asia/Ho_Chi_Minh',
    pgpFingerprint: null,
    verifications: [{ daysAgo: 28, method: 'PHONE_CALL', outcome: 'CONFIRMED', note: null }],
  },

  // Timor-Leste
  {
    organizationId: 'tl-anc',
    name: 'Regulatory Affairs Mailbox',
    title: 'Telecommunications regulation contact',
    email: 'regulatory@anc-tl.example',
    phone: '+670 000 0101',
    roles: ['DIPLOMATIC', 'TECHNICAL'],
    available24x7: false,
    timezone: 'Asia/Dili',
    pgpFingerprint: null,
    verifications: [{ daysAgo: 25, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null }],
  },
  {
    organizationId: 'tl-tic',
    name: 'Government Network Operations Desk',
    title: 'Government data centre and network contact',
    email: 'noc@tic-tl.example',
    phone: null,
    roles: ['INCIDENT_RESPONSE', 'TECHNICAL'],
    available24x7: false,
    timezone: 'Asia/Dili',
    pgpFingerprint: null,
    verifications: [],
  },

  // China
  {
    organizationId: 'cn-cncert',
    name: 'Duty Officer (24x7 desk)',
    title: 'International Incident Coordination Duty Desk',
    email: 'duty@cncert.example',
    phone: '+86 10 0000 0101',
    roles: ['INCIDENT_RESPONSE', 'TECHNICAL'],
    available24x7: true,
    timezone: 'Asia/Shanghai',
    pgpFingerprint: '2B45FCBAA93EC9F00F875D7541C0A62D1F2C7333',
    verifications: [
      { daysAgo: 140, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null },
      { daysAgo: 8, method: 'PGP_CHALLENGE', outcome: 'CONFIRMED', note: null },
    ],
  },
  {
    organizationId: 'cn-cncert',
    name: 'Zhao Lingyun (fictional)',
    title: 'International Cooperation Officer',
    email: 'l.zhao@cncert.example',
    phone: null,
    roles: ['THREAT_SHARING', 'DIPLOMATIC'],
    available24x7: false,
    timezone: 'Asia/Shanghai',
    pgpFingerprint: '56C9F58414053C45AD2FE9DB04FC99FE3362DF06',
    verifications: [
      { daysAgo: 130, method: 'IN_PERSON', outcome: 'CONFIRMED', note: 'Met at a regional CERT meeting.' },
    ],
  },
  {
    organizationId: 'cn-cac',
    name: 'Cross-border Data Enquiries (role mailbox)',
    title: 'Security assessment and standard-contract filing questions',
    email: 'cross-border@cac.example',
    phone: '+86 10 0000 0202',
    roles: ['DATA_FLOW_POLICY'],
    available24x7: false,
    timezone: 'Asia/Shanghai',
    pgpFingerprint: null,
    verifications: [{ daysAgo: 40, method: 'EMAIL_PING', outcome: 'CONFIRMED', note: null }],
  },
  {
    organizationId: 'cn-cac',
    name: 'International Cooperation Liaison (role mailbox)',
    title: 'China–ASEAN digital governance cooperation contact',
    email: 'intl-coop@cac.example',
    phone: null,
    roles: ['DIPLOMATIC', 'AI_POLICY'],
    available24x7: false,
    timezone: 'Asia/Shanghai',
    pgpFingerprint: null,
    verifications: [],
  },
];

// ---------------------------------------------------------------------------------------------
// Capacity-building activities (real events; only sourced dates, hosts and participants)
// ---------------------------------------------------------------------------------------------

const ASEAN_10 = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN'];

export const activities: readonly SeedActivity[] = [
  {
    id: 'china-asean-cyberspace-forum-2014',
    kind: 'SEMINAR',
    title: '1st China–ASEAN Cyberspace Forum',
    description:
      'First China–ASEAN Cyberspace Forum, themed "Development and cooperation", held in Nanning during the 11th China–ASEAN Expo. About 200 participants from Chinese government, business and academia and the ten ASEAN countries discussed internet infrastructure and the digital divide, the network economy, cyberspace security and network management, and ICT for disaster prevention.',
    startsOn: '2014-09-18',
    endsOn: '2014-09-18',
    hostOrganizationId: null,
    participantOrganizationIds: [],
    countryCodes: ['CN', ...ASEAN_10],
    sourceUrl: 'http://en.siis.org.cn/En/Research/2110',
  },
  {
    id: 'china-asean-information-harbor-forum-2015',
    kind: 'SEMINAR',
    title: 'China–ASEAN Information Harbor Forum 2015',
    description:
      "Two-day forum in Nanning following up the 2014 Cyberspace Forum, on government, business and academic cooperation in internet infrastructure, e-commerce, internet security and cultural industries under the proposed China–ASEAN Information Harbor. The CAC minister opened it and welcomed guests on the CAC's behalf; Laos's Minister of Post and Telecommunications attended. The organising body is not stated beyond the CAC and the Guangxi region, so no host is recorded.",
    startsOn: '2015-09-13',
    endsOn: '2015-09-14',
    hostOrganizationId: null,
    participantOrganizationIds: ['cn-cac', 'la-mtc'],
    countryCodes: ['CN', 'LA'],
    sourceUrl: 'http://en.northnews.cn/2015/0915/2022521.shtml',
    additionalSourceUrls: ['https://www.voc.com.cn/news/201509/26152657.html'],
  },
  {
    id: 'clmv-cyber-policy-diplomacy-workshop-2016',
    kind: 'SEMINAR',
    title: 'Workshop on International Cyber Security Policy and Diplomacy for CLMV Countries',
    description:
      'Two-day workshop in Vientiane for Cambodia, Laos, Myanmar and Viet Nam on cyber norms, operational links and capacity building, supported by the ICT for Peace Foundation and co-chaired by Laos\'s Minister of Posts and Telecommunications. The exact start date is not confirmed (reports republished on 31 October and 1 November 2016 both say it began "yesterday"), so the 1st of the month is used.',
    startsOn: '2016-10-01',
    endsOn: null,
    hostOrganizationId: null,
    participantOrganizationIds: ['la-mtc'],
    countryCodes: ['KH', 'LA', 'MM', 'VN'],
    sourceUrl: 'http://asianews.network/content/clmv-countries-consult-cybersecurity-policy-31777',
    additionalSourceUrls: ['https://www.laotiantimes.com/2016/11/01/clmv-consult-cyber-security-policy/'],
  },
  {
    id: 'arf-cyber-security-workshop-2013',
    kind: 'SEMINAR',
    title: 'ARF Workshop on Measures to Enhance Cyber Security – Legal and Cultural Aspects',
    description:
      "First cyber-security workshop China hosted under the ASEAN Regional Forum, co-hosted with Malaysia in Beijing. Officials, experts and scholars of ARF members (ASEAN countries, Japan, the Republic of Korea, Russia, the United States, Canada, Australia, the EU), the ASEAN Secretariat and UNODC attended. China's Assistant Foreign Minister and the Secretary of Malaysia's National Security Council opened it. Which ASEAN countries attended is not listed, so only the co-hosts' countries are recorded.",
    startsOn: '2013-09-11',
    endsOn: '2013-09-12',
    hostOrganizationId: null,
    participantOrganizationIds: [],
    countryCodes: ['CN', 'MY'],
    sourceUrl: 'http://lt.chineseembassy.org/eng/xwdt/201309/t20130923_2707916.htm',
  },
  {
    id: 'asean-workshop-cybersecurity-cooperation-2017',
    kind: 'SEMINAR',
    title:
      'ASEAN Workshop on Strengthening and Enhancing Cybersecurity Cooperation in the ASEAN Region: Towards an Integrated Approach in Addressing Transnational Crimes',
    description:
      "Workshop co-hosted by Thailand's Ministry of Foreign Affairs, Ministry of Defence and Ministry of Digital Economy and Society during Thailand Cybersecurity Week 2017 in Bangkok, attended by representatives of ASEAN member states with speakers from Australia, the EU, New Zealand, the OSCE and industry. It discussed confidence-building measures, points of contact, information sharing and capacity building against cybercrime. Which member states attended is not listed, so only Thailand is recorded.",
    startsOn: '2017-06-29',
    endsOn: '2017-06-29',
    hostOrganizationId: null,
    participantOrganizationIds: [],
    countryCodes: ['TH'],
    sourceUrl: 'https://mfa.go.th/en/content/5d5bd0c715e39c3060021449?cate=5d5bcb4e15e39c306000683e',
  },
  {
    id: 'acid-2017',
    kind: 'JOINT_DRILL',
    title: 'ASEAN CERT Incident Drill (ACID) 2017',
    description:
      'Annual ASEAN CERT Incident Drill on "The Dangers of Insufficient Authentication and Poor Access Control", built around a ransomware case at a company. 17 CERT teams from 15 countries (the ASEAN members plus Australia, China, India, Japan and Korea) investigated, coordinated and issued public warnings. CNCERT/CC took part for the eleventh consecutive year.',
    startsOn: '2017-09-11',
    endsOn: '2017-09-11',
    hostOrganizationId: null,
    participantOrganizationIds: ['cn-cncert'],
    countryCodes: [...ASEAN_10, 'CN'],
    sourceUrl:
      'https://www.cert.org.cn/publish/english/55/2017/20170926154444934286618/20170926154444934286618_.html',
  },
  {
    id: 'china-asean-network-information-safety-symposium-2017',
    kind: 'SEMINAR',
    title: '4th China–ASEAN Network Information Safety Symposium',
    description:
      'Symposium in Nanning held together with the 7th China–ASEAN project cooperation and development forum, where experts from ASEAN countries and China exchanged views on cooperation in network information security; the China Center for International Science and Technology Exchange (CISTE) spoke for the Chinese side. Which ASEAN countries attended is not stated.',
    startsOn: '2017-09-12',
    endsOn: '2017-09-12',
    hostOrganizationId: null,
    participantOrganizationIds: [],
    countryCodes: ['CN'],
    sourceUrl: 'https://filipino.cri.cn/301/2017/09/13/102s151641.htm',
  },
  {
    id: 'asean-japan-drill-2018-vietnam',
    kind: 'JOINT_DRILL',
    title: '2018 ASEAN–Japan information security drill (Viet Nam sites)',
    description:
      "Viet Nam's part of the 2018 ASEAN–Japan cyber drill, hosted by VNCERT at sites in Hanoi, Da Nang and Ho Chi Minh City with about 300 people from over 100 units. The scenario ran from small DDoS attacks to large ones and then malware-laden fake e-mails to ASEAN leaders, exercising coordination and information-passing between international, national and core units.",
    startsOn: '2018-05-23',
    endsOn: '2018-05-23',
    hostOrganizationId: 'vn-vncert',
    participantOrganizationIds: [],
    countryCodes: ['VN'],
    sourceUrl: 'https://vietnam.vnanet.vn/english/vietnam-hosts-2018-asean-japan-cyber-security/372911.html',
  },
  {
    id: 'acid-2018',
    kind: 'JOINT_DRILL',
    title: 'ASEAN CERT Incident Drill (ACID) 2018',
    description:
      '13th ACID, hosted by CSA, on "System Vulnerabilities and Cryptocurrency Mining". More than 100 participants from the ten ASEAN members and five dialogue partners (Australia, China, India, Japan, South Korea) worked through scenario injects; SingCERT controllers issued the injects.',
    startsOn: '2018-09-05',
    endsOn: '2018-09-05',
    hostOrganizationId: 'sg-csa',
    participantOrganizationIds: ['sg-singcert'],
    countryCodes: [...ASEAN_10, 'CN'],
    sourceUrl:
      'https://www.csa.gov.sg/News/News-Articles/CSA-hosts-13th-iteration-of-ASEAN-CERT-Incident-Drill-ACID',
  },
  {
    id: 'ajccbc-opening-2018',
    kind: 'EXCHANGE',
    title: 'Opening of the ASEAN–Japan Cybersecurity Capacity Building Centre (AJCCBC)',
    description:
      "The AJCCBC opened in Bangkok at Thailand's Electronic Transactions Development Agency, to train cybersecurity personnel of the ASEAN member states in Japan-designed courses (cyber defence exercises (CYDER), digital forensics, malware analysis), funded through the Japan-ASEAN Integration Fund; about 700 trainees were expected to graduate.",
    startsOn: '2018-09-14',
    endsOn: '2018-09-14',
    hostOrganizationId: null,
    participantOrganizationIds: ['th-ajccbc'],
    countryCodes: ['TH'],
    sourceUrl:
      'https://www.straitstimes.com/asia/se-asia/southeast-asian-cyber-security-centre-opens-in-thailand',
    additionalSourceUrls: [
      'https://jaif.asean.org/project-brief/asean-japan-cybersecurity-capacity-building-centre-step-2/',
    ],
  },
  {
    id: 'asean-cyberkids-camp-2018',
    kind: 'EXCHANGE',
    title: 'ASEAN Cyberkids Camp 2018',
    description:
      'Brunei hosted the ASEAN Cyberkids Camp for the first time, organised by AITI: 20 primary-school pupils aged 7–12 with their tutors from all ten ASEAN member states worked on creative programming projects on a "Smart City" theme.',
    startsOn: '2018-09-04',
    endsOn: '2018-09-06',
    hostOrganizationId: 'bn-aiti',
    participantOrganizationIds: [],
    countryCodes: [...ASEAN_10],
    sourceUrl: 'http://www.aiti.gov.bn/SitePages/News.aspx?AID=26',
  },
  {
    id: 'acid-2019',
    kind: 'JOINT_DRILL',
    title: 'ASEAN CERT Incident Drill (ACID) 2019',
    description:
      '14th ACID, hosted by CSA, on "Combat Evolving Cyber Threats with Good Cyber Hygiene" (leaked credentials, credential stuffing, spear phishing, business e-mail compromise). More than 100 participants from the ten ASEAN members and five dialogue partners (Australia, China, India, Japan, South Korea).',
    startsOn: '2019-09-04',
    endsOn: '2019-09-04',
    hostOrganizationId: 'sg-csa',
    participantOrganizationIds: [],
    countryCodes: [...ASEAN_10, 'CN'],
    sourceUrl:
      'https://www.csa.gov.sg/News-Events/News-Articles/2019/CSA-hosts-14th-iteration-of-ASEAN-CERT-Incident-Drill-ACID',
  },
  {
    id: 'acid-2020',
    kind: 'JOINT_DRILL',
    title: 'ASEAN CERT Incident Drill (ACID) 2020',
    description:
      '15th ACID, organised by CSA alongside the 5th Singapore International Cyber Week, on "Malware Campaign Leveraging the Pandemic Situation" with injects based on the Emotet campaign. CERTs of all ten ASEAN members and five dialogue partners (Australia, China, India, Japan, South Korea) were represented; SingCERT led the exercise.',
    startsOn: '2020-10-07',
    endsOn: '2020-10-07',
    hostOrganizationId: 'sg-csa',
    participantOrganizationIds: ['sg-singcert'],
    countryCodes: [...ASEAN_10, 'CN'],
    sourceUrl: 'https://auscert.org.au/blog/2020-10-09-auscert-2020-asean-cert-incident-drill',
    additionalSourceUrls: [
      'https://opengovasia.com/asean-computer-emergency-response-teams-discuss-cybersecurity-during-a-pandemic/',
    ],
  },
  {
    id: 'asean-japan-cybersecurity-policy-meeting-2020',
    kind: 'SEMINAR',
    title: '13th ASEAN–Japan Cybersecurity Policy Meeting',
    description:
      "Annual policy meeting (held since 2009), online, hosted by Japan's NISC, MIC and METI and co-chaired by Japan and Cambodia. The ASEAN members and Japan reviewed the year's cybersecurity policies, with attention to COVID-19, confirmed the progress of joint activities (cyber exercises, awareness raising, capacity building, mutual incident notification) and agreed a new one on industry-government-academia collaboration.",
    startsOn: '2020-10-20',
    endsOn: '2020-10-20',
    hostOrganizationId: null,
    participantOrganizationIds: [],
    countryCodes: [...ASEAN_10],
    sourceUrl: 'https://www.soumu.go.jp/main_sosiki/joho_tsusin/eng/pressrelease/2020/11/06_01.html',
  },
  {
    id: 'asean-china-cyber-dialogue-2020',
    kind: 'EXCHANGE',
    title: 'Inaugural ASEAN–China Cyber Dialogue',
    description:
      'First ASEAN–China Cyber Dialogue, held by video conference and co-chaired by the Philippines and China. Participants exchanged views on the cyberspace situation, national policies and mechanisms, global cyber governance and rules, and regional capacity-building cooperation, and stressed the UN role (OEWG, GGE).',
    startsOn: '2020-12-07',
    endsOn: '2020-12-07',
    hostOrganizationId: null,
    participantOrganizationIds: [],
    countryCodes: [...ASEAN_10, 'CN'],
    sourceUrl: 'https://database.cyberpolicyportal.org/en/entity/1tfrsytxdh',
  },
  {
    id: 'acid-2021',
    kind: 'JOINT_DRILL',
    title: 'ASEAN CERT Incident Drill (ACID) 2021',
    description:
      '16th ACID, organised by CSA at the opening of the ASEAN-Singapore Cybersecurity Centre of Excellence and the 6th Singapore International Cyber Week, on "Responding to Supply Chain Attacks Against Businesses": a compromised vendor\'s software leading to ransomware at a client. Fifteen CERT teams from ASEAN members and dialogue partners took part; which ones is not listed, so only Singapore is recorded.',
    startsOn: '2021-10-05',
    endsOn: '2021-10-05',
    hostOrganizationId: 'sg-csa',
    participantOrganizationIds: [],
    countryCodes: ['SG'],
    // CSA's article as served by a copy of CSA's content site; the csa.gov.sg page itself was not reachable.
    sourceUrl:
      'https://dev-mcis-csa-content-pop.decision-science.agency/News-Events/News-Articles/2021/csa-hosts-16th-iteration-of-asean-cert-incident-drill',
  },
  {
    id: 'asean-student-contest-infosec-2021',
    kind: 'EXCHANGE',
    title: 'ASEAN Student Contest on Information Security 2021',
    description:
      'Online capture-the-flag contest for university students from Viet Nam and other ASEAN countries, co-organised by the Vietnam Information Security Association, the Ministry of Education and Training and the MIC Authority of Information Security. Starting round 9 October, preliminary 16 October, final 13 November 2021.',
    startsOn: '2021-10-09',
    endsOn: '2021-11-13',
    hostOrganizationId: 'vn-ais',
    participantOrganizationIds: [],
    countryCodes: ['VN'],
    sourceUrl:
      'https://en.vietnamplus.vn/2021-asean-student-contest-on-information-security-to-be-held-online/207027.vnp',
    additionalSourceUrls: [
      'https://ascis.vnisa.org.vn/en/notification-about-the-final-round-of-asean-student-contest-on-information-security-2021/',
    ],
  },
  {
    id: 'acid-2023',
    kind: 'JOINT_DRILL',
    title: 'ASEAN CERT Incident Drill (ACID) 2023',
    description:
      '18th ACID, organised by CSA with Singapore International Cyber Week, on "Responding to Multi-Pronged Attacks Arising from Hacktivism" (DDoS, data breaches, wiperware). This edition was expanded with a tabletop exercise developed and moderated by SingCERT. Viet Nam took part through VNCERT/CC from Hanoi; CERTs from ASEAN members and dialogue partners India, Korea, Japan, China and Australia participated.',
    startsOn: '2023-10-18',
    endsOn: '2023-10-19',
    hostOrganizationId: 'sg-csa',
    participantOrganizationIds: ['sg-singcert', 'vn-vncert'],
    countryCodes: [...ASEAN_10, 'CN'],
    sourceUrl:
      'https://www.csa.gov.sg/news-events/news-articles/18th-iteration-of-asean-cert-incident-response-drill-tests-cert-s-preparedness-against-multi-pronged-attacks-arising-from-hacktivism',
    additionalSourceUrls: [
      'https://en.vietnamplus.vn/asean-dialogue-countries-enhance-cooperation-in-coping-with-cyberattacks/269837.vnp',
    ],
  },
  {
    id: 'asean-regional-cert-launch-2024',
    kind: 'EXCHANGE',
    title: 'Launch of the ASEAN Regional CERT physical facility at the 9th AMCC',
    description:
      "At the 9th ASEAN Ministerial Conference on Cybersecurity, part of Singapore International Cyber Week 2024, Singapore's minister announced the launch of the ASEAN Regional CERT's physical facility, co-located with the ASCCE and funded by Singapore for up to 10 years. Malaysia is the first rotating overall coordinator of its taskforce; the Philippines' DICT was among the delegations at the launch.",
    startsOn: '2024-10-16',
    endsOn: '2024-10-16',
    hostOrganizationId: 'sg-csa',
    participantOrganizationIds: ['sg-asean-regional-cert', 'ph-dict'],
    countryCodes: [...ASEAN_10],
    sourceUrl:
      'https://csa.gov.sg/news-events/press-releases/singapore-and-asean-member-states-deepen-commitment-to-enhance-collective-cybersecurity-in-the-region',
    additionalSourceUrls: ['https://philstartech.com/?p=8371', 'https://itiger.com/news/2476390370'],
  },
];
