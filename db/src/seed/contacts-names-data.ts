/**
 * Seed data for issue #22 items 3 and 5: organizations' names in Chinese or in their country's
 * national language, and China's standing as an ASEAN dialogue partner. Checked 2026-12-07 against
 * stored copies of public pages; every row cites the page that gives the name or the fact.
 *
 * Names are recorded only where a page read gives the organization's name in that language
 * (its own site where one was reachable; otherwise a government or news page, marked SECONDARY in
 * sources.ts). Left out on purpose:
 * - the Cyber Security Agency of Singapore, SingCERT, PDPC Singapore, the ASCCE, CyberSecurity
 *   Malaysia and MyCERT: their published names are English;
 * - NACSA (Malaysia), ThaiCERT, Thailand's PDPC, LaoCERT, the Lao and Cambodian ministries, CamCERT,
 *   Myanmar's bodies, BruCERT, CSB, AITI, Id-SIRTII/CC, the Philippine bodies and TIC TIMOR: no
 *   page read gave a national-language name (ThaiCERT's parent ETDA publishes a Thai name, but it
 *   is ETDA's, not ThaiCERT's; the Committee and the Office of Thailand's PDPC have different Thai
 *   names and the seeded body's was not confirmed).
 */

export interface SeedOrganizationName {
  organizationId: string;
  /** BCP 47 tag. */
  language: 'zh-Hans' | 'id' | 'ms' | 'th' | 'vi' | 'pt';
  name: string;
  sourceUrl: string;
}

const CAC_SC_MEASURES = 'https://www.cac.gov.cn/2023-02/24/c_1678884830036813.htm';

export const organizationNames: readonly SeedOrganizationName[] = [
  {
    organizationId: 'cn-cncert',
    language: 'zh-Hans',
    name: '国家计算机网络应急技术处理协调中心',
    sourceUrl: 'https://career.csu.edu.cn/company/view/id/525271',
  },
  {
    // The CAC issues its orders under this name (e.g. Order No. 13 on the Standard Contract).
    organizationId: 'cn-cac',
    language: 'zh-Hans',
    name: '国家互联网信息办公室',
    sourceUrl: CAC_SC_MEASURES,
  },
  {
    organizationId: 'id-bssn',
    language: 'id',
    name: 'Badan Siber dan Sandi Negara',
    sourceUrl: 'https://kompaspedia.kompas.id/baca/profil/lembaga/badan-siber-dan-sandi-negara-bssn',
  },
  {
    organizationId: 'id-komdigi',
    language: 'id',
    name: 'Kementerian Komunikasi dan Digital',
    sourceUrl: 'https://viva.co.id/amp/berita/nasional/1763922-meutya-hafid-kominfo-berubah-jadi-komdigi',
  },
  {
    organizationId: 'my-jpdp',
    language: 'ms',
    name: 'Jabatan Perlindungan Data Peribadi',
    sourceUrl: 'https://www.pdp.gov.my/jpdpv2/lindungi-data-anda/',
  },
  {
    organizationId: 'th-ncsa',
    language: 'th',
    name: 'สำนักงานคณะกรรมการการรักษาความมั่นคงปลอดภัยไซเบอร์แห่งชาติ',
    sourceUrl: 'https://news.trueid.net/detail/N5a4EO1Wzg7y',
  },
  {
    organizationId: 'vn-vncert',
    language: 'vi',
    name: 'Trung tâm Ứng cứu khẩn cấp không gian mạng Việt Nam',
    sourceUrl:
      'https://bavutex.baria-vungtau.gov.vn/tin-tuc/trung-tam-ung-cuu-khan-cap-khong-gian-mang-viet-nam-di-vao-hoat-dong-tu-thang-toi.html',
  },
  {
    organizationId: 'vn-ais',
    language: 'vi',
    name: 'Cục An toàn thông tin',
    sourceUrl:
      'https://vdocuments.mx/b-thng-tin-v-truyn-thng-cng-ha-xf-hi-ch-micgovvnuploadtintuc2017-t37-bc-attt-.html',
  },
  {
    organizationId: 'vn-a05',
    language: 'vi',
    name: 'Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao',
    sourceUrl:
      'https://thanhnien.vn/thoi-su/can-canh-duong-day-phat-tan-hang-tram-trieu-tin-nhan-rac-vua-bi-triet-pha-1387066.html',
  },
  {
    organizationId: 'tl-anc',
    language: 'pt',
    name: 'Autoridade Nacional de Comunicações',
    sourceUrl:
      'https://pt.tatoli.tl/2021/01/12/mtc-apresentara-em-conselho-de-ministros-decreto-lei-que-regula-rede-externa-de-telecomunicacoes/',
  },
  {
    organizationId: 'tl-gics',
    language: 'pt',
    name: 'Grupo de Trabalho Interministerial de Cibersegurança',
    sourceUrl: 'https://timor-leste.gov.tl/?lang=pt&p=47290&print=1',
  },
];

export interface SeedAseanDialoguePartner {
  countryCode: string;
  relationsSince: number;
  fullDialoguePartnerSince: number | null;
  sourceUrl: string;
  partnershipLevel: string;
  partnershipAgreedOn: string;
  partnershipSourceUrl: string;
}

/**
 * China only: the registry seeds no other dialogue partner. ASEAN's overview: dialogue relations
 * began when China's foreign minister attended the opening of the 24th ASEAN Ministerial Meeting
 * (Kuala Lumpur, July 1991); full dialogue partner status came at the 29th AMM (Jakarta, July
 * 1996). The Chairman's Statement of the 24th ASEAN-China Summit (26 October 2021) records the
 * agreement to establish a Comprehensive Strategic Partnership (announced at the 22 November 2021
 * special summit).
 */
export const aseanDialoguePartners: readonly SeedAseanDialoguePartner[] = [
  {
    countryCode: 'CN',
    relationsSince: 1991,
    fullDialoguePartnerSince: 1996,
    sourceUrl: 'https://asean.org/?static_post=overview-asean-china-dialogue-relations',
    partnershipLevel: 'Comprehensive Strategic Partnership',
    partnershipAgreedOn: '2021-10-26',
    partnershipSourceUrl:
      'https://asean2021.bn/latestnewsdtls/chairman-s-statement-of-the-24th-asean-china-summit',
  },
];
