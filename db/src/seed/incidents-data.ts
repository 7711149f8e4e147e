/**
 * Demo data for the incidents subgraph. Every incident and advisory here is an EXERCISE SCENARIO,
 * invented for demonstration and labelled so in its title: none describes a real event. The CVE
 * ids are real public vulnerabilities (source URLs given); indicators use documentation address
 * ranges (RFC 5737, RFC 3849) and `.example` domains, which belong to no one.
 */

type Severity = 'BASELINE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'SEVERE' | 'EMERGENCY';
type Tlp = 'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER_STRICT' | 'RED';
type Status = 'REPORTED' | 'TRIAGED' | 'IN_PROGRESS' | 'CONTAINED' | 'RESOLVED' | 'CLOSED' | 'REJECTED';
type Category =
  | 'PHISHING'
  | 'MALWARE'
  | 'RANSOMWARE'
  | 'DDOS'
  | 'INTRUSION'
  | 'DATA_BREACH'
  | 'VULNERABILITY_EXPLOITATION'
  | 'WEB_DEFACEMENT'
  | 'OTHER';
type IndicatorType = 'URL' | 'DOMAIN' | 'IPV4' | 'IPV6' | 'EMAIL' | 'FILE_SHA256' | 'FILE_MD5';

export interface SeedIndicator {
  type: IndicatorType;
  value: string;
  description: string;
}

export interface SeedIncident {
  key: string;
  title: string;
  summary: string;
  category: Category;
  severity: Severity;
  status: Status;
  tlp: Tlp;
  reportedByOrg: string;
  affectedCountries: string[];
  sharedWith: string[];
  daysAgo: number;
  /** Status path after REPORTED, each step a timeline entry and an event. */
  path: Status[];
  indicators: SeedIndicator[];
  assistance?: {
    of: string;
    kinds: ('ANALYSIS' | 'TAKEDOWN' | 'LOG_PRESERVATION' | 'MITIGATION' | 'COORDINATION')[];
    description: string;
    status: 'OPEN' | 'ACCEPTED' | 'DECLINED' | 'COMPLETED';
  }[];
}

export const incidents: readonly SeedIncident[] = [
  {
    key: 'exercise-phishing-banks',
    title: 'Exercise: credential phishing against retail banks in Malaysia and Singapore',
    summary:
      'Exercise scenario. Look-alike login pages of two retail banks are sent by SMS to customers in both countries; the landing pages are hosted abroad and rotate daily.',
    category: 'PHISHING',
    severity: 'HIGH',
    status: 'IN_PROGRESS',
    tlp: 'GREEN',
    reportedByOrg: 'my-mycert',
    affectedCountries: ['MY', 'SG'],
    sharedWith: [],
    daysAgo: 12,
    path: ['TRIAGED', 'IN_PROGRESS'],
    indicators: [
      {
        type: 'DOMAIN',
        value: 'secure-login-bank.example',
        description: 'look-alike landing domain (exercise)',
      },
      {
        type: 'URL',
        value: 'https://secure-login-bank.example/verify',
        description: 'landing page (exercise)',
      },
      { type: 'IPV4', value: '203.0.113.24', description: 'hosting address (documentation range)' },
    ],
    assistance: [
      {
        of: 'sg-singcert',
        kinds: ['TAKEDOWN', 'COORDINATION'],
        description:
          'Exercise: ask registrars and hosting providers in your jurisdiction to suspend the listed domains.',
        status: 'ACCEPTED',
      },
    ],
  },
  {
    key: 'exercise-ransomware-hospital',
    title: 'Exercise: ransomware at a regional hospital network',
    summary:
      'Exercise scenario. File servers encrypted overnight; patient services moved to paper; lateral movement through a VPN appliance suspected.',
    category: 'RANSOMWARE',
    severity: 'SEVERE',
    status: 'CONTAINED',
    tlp: 'AMBER',
    reportedByOrg: 'th-thaicert',
    affectedCountries: ['TH'],
    sharedWith: ['sg-csa', 'my-mycert'],
    daysAgo: 9,
    path: ['TRIAGED', 'IN_PROGRESS', 'CONTAINED'],
    indicators: [
      {
        type: 'FILE_SHA256',
        value: '9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c1b3d5f7e9a1c3b5d7f9e1a3c5b7d9f1e',
        description: 'encryptor sample (fictional hash)',
      },
      { type: 'IPV4', value: '198.51.100.77', description: 'command-and-control (documentation range)' },
    ],
    assistance: [
      {
        of: 'my-mycert',
        kinds: ['ANALYSIS'],
        description: 'Exercise: analyse the encryptor sample and share decryption leads if any.',
        status: 'COMPLETED',
      },
    ],
  },
  {
    key: 'exercise-ddos-government',
    title: 'Exercise: DDoS on government portals during a regional summit',
    summary:
      'Exercise scenario. Volumetric attacks against portals of three ministries, peaking at the opening of a summit.',
    category: 'DDOS',
    severity: 'MEDIUM',
    status: 'RESOLVED',
    tlp: 'CLEAR',
    reportedByOrg: 'ph-certph',
    affectedCountries: ['PH', 'ID', 'VN'],
    sharedWith: [],
    daysAgo: 30,
    path: ['TRIAGED', 'IN_PROGRESS', 'CONTAINED', 'RESOLVED'],
    indicators: [{ type: 'IPV6', value: '2001:db8::bad:1', description: 'reflector (documentation range)' }],
  },
  {
    key: 'exercise-intrusion-telecom',
    title: 'Exercise: intrusion into a telecom operator’s signalling network',
    summary:
      'Exercise scenario. Unauthorised access to a signalling gateway; roaming data of subscribers in two countries may have been read.',
    category: 'INTRUSION',
    severity: 'EMERGENCY',
    status: 'TRIAGED',
    tlp: 'RED',
    reportedByOrg: 'cn-cncert',
    affectedCountries: ['CN', 'LA'],
    sharedWith: ['la-laocert'],
    daysAgo: 2,
    path: ['TRIAGED'],
    indicators: [
      { type: 'DOMAIN', value: 'roaming-update.example', description: 'staging domain (exercise)' },
    ],
  },
  {
    key: 'exercise-data-breach-ecommerce',
    title: 'Exercise: customer records of an e-commerce platform offered for sale',
    summary:
      'Exercise scenario. A forum post offers records of customers in Indonesia and Viet Nam; the sample appears genuine.',
    category: 'DATA_BREACH',
    severity: 'HIGH',
    status: 'REPORTED',
    tlp: 'AMBER_STRICT',
    reportedByOrg: 'id-idsirtii',
    affectedCountries: ['ID', 'VN'],
    sharedWith: ['vn-vncert'],
    daysAgo: 1,
    path: [],
    indicators: [
      { type: 'EMAIL', value: 'seller@leak-market.example', description: 'seller contact (exercise)' },
    ],
  },
  {
    key: 'exercise-defacement',
    title: 'Exercise: defacement of a university website',
    summary:
      'Exercise scenario. The home page of a university was replaced with a political message; no data loss found.',
    category: 'WEB_DEFACEMENT',
    severity: 'LOW',
    status: 'CLOSED',
    tlp: 'CLEAR',
    reportedByOrg: 'bn-brucert',
    affectedCountries: ['BN'],
    sharedWith: [],
    daysAgo: 45,
    path: ['TRIAGED', 'IN_PROGRESS', 'CONTAINED', 'RESOLVED', 'CLOSED'],
    indicators: [],
  },
  {
    key: 'exercise-vpn-exploitation',
    title: 'Exercise: exploitation of a firewall VPN portal at a ministry',
    summary:
      'Exercise scenario. A perimeter firewall exposed to the internet was exploited through a published command-injection flaw before the patch was applied.',
    category: 'VULNERABILITY_EXPLOITATION',
    severity: 'HIGH',
    status: 'IN_PROGRESS',
    tlp: 'GREEN',
    reportedByOrg: 'kh-camcert',
    affectedCountries: ['KH', 'TH'],
    sharedWith: [],
    daysAgo: 5,
    path: ['TRIAGED', 'IN_PROGRESS'],
    indicators: [
      {
        type: 'FILE_MD5',
        value: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
        description: 'web shell (fictional hash)',
      },
    ],
  },
  {
    key: 'exercise-scam-rejected',
    title: 'Exercise: reported malware campaign turns out to be a false positive',
    summary:
      'Exercise scenario. An alert on a software update server was caused by a mis-signed but legitimate package.',
    category: 'MALWARE',
    severity: 'BASELINE',
    status: 'REJECTED',
    tlp: 'GREEN',
    reportedByOrg: 'sg-singcert',
    affectedCountries: ['SG'],
    sharedWith: [],
    daysAgo: 20,
    path: ['REJECTED'],
    indicators: [],
  },
];

export interface SeedAdvisory {
  title: string;
  body: string;
  severity: Severity;
  tlp: Tlp;
  publishedByOrg: string;
  sharedWith: string[];
  cveIds: string[];
  affectedProducts: string[];
  daysAgo: number;
  indicators: SeedIndicator[];
  sourceUrl: string;
}

export const advisories: readonly SeedAdvisory[] = [
  {
    title: 'Exercise advisory: patch PAN-OS GlobalProtect command injection (CVE-2024-3400)',
    body: 'Exercise advisory. CVE-2024-3400 is a command-injection flaw in the GlobalProtect feature of Palo Alto Networks PAN-OS that lets an unauthenticated attacker run code as root on the firewall; it was exploited in the wild in April 2024. Apply the vendor fixes and hunt for signs of compromise.',
    severity: 'SEVERE',
    tlp: 'CLEAR',
    publishedByOrg: 'sg-singcert',
    sharedWith: [],
    cveIds: ['CVE-2024-3400'],
    affectedProducts: ['Palo Alto Networks PAN-OS (GlobalProtect)'],
    daysAgo: 15,
    indicators: [],
    sourceUrl: 'https://nvd.nist.gov/vuln/detail/CVE-2024-3400',
  },
  {
    title: 'Exercise advisory: session hijacking on NetScaler ADC and Gateway (CVE-2023-4966)',
    body: 'Exercise advisory. CVE-2023-4966 ("Citrix Bleed") leaks memory from NetScaler ADC and Gateway appliances configured as a gateway or AAA virtual server, exposing session tokens. Patch, then end all active sessions, since stolen tokens survive the patch.',
    severity: 'HIGH',
    tlp: 'GREEN',
    publishedByOrg: 'my-mycert',
    sharedWith: [],
    cveIds: ['CVE-2023-4966'],
    affectedProducts: ['Citrix NetScaler ADC', 'Citrix NetScaler Gateway'],
    daysAgo: 40,
    indicators: [{ type: 'IPV4', value: '192.0.2.45', description: 'scanning source (documentation range)' }],
    sourceUrl: 'https://nvd.nist.gov/vuln/detail/CVE-2023-4966',
  },
  {
    title: 'Exercise advisory: SMS phishing kit targeting bank customers',
    body: 'Exercise advisory. A phishing kit reused across the region; block the listed domain and report new look-alikes.',
    severity: 'MEDIUM',
    tlp: 'AMBER',
    publishedByOrg: 'my-mycert',
    sharedWith: ['sg-singcert', 'th-thaicert'],
    cveIds: [],
    affectedProducts: [],
    daysAgo: 11,
    indicators: [
      { type: 'DOMAIN', value: 'secure-login-bank.example', description: 'kit landing domain (exercise)' },
    ],
    sourceUrl: 'https://www.rfc-editor.org/rfc/rfc2606',
  },
];
