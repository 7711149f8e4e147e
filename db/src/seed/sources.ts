/**
 * Every source the seed data cites, with its kind (issue #22): PRIMARY is the owner's own
 * publication (an official gazette or government site, a regulator, ASEAN or the UN, a standards
 * body, an agency or CERT about itself); SECONDARY is anything else (news, law firms, vendors,
 * legal databases, mirrors), used only where no primary source was reachable. `accessedOn` is the
 * day the stored copy was read; `title` is the page's title where the seed records one, null where
 * it was not recorded. `db/test/sources.test.ts` fails on a fact row whose source is missing here.
 */
export type SourceKind = 'PRIMARY' | 'SECONDARY';

export interface SourceEntry {
  kind: SourceKind;
  /** YYYY-MM-DD. */
  accessedOn: string;
  title: string | null;
}

export const sources: Readonly<Record<string, SourceEntry>> = {
  'http://anc.tl/legislation/index.html': { kind: 'PRIMARY', accessedOn: '2026-11-27', title: null },
  'http://asianews.network/content/clmv-countries-consult-cybersecurity-policy-31777': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'http://be.china-embassy.gov.cn/eng/fyrth/202310/t20231018_11162874.htm': {
    kind: 'PRIMARY',
    accessedOn: '2026-12-07',
    title:
      'Embassy of China in Belgium: Foreign Ministry Spokesperson’s Remarks on the Global AI Governance Initiative (18 October 2023), with its core components',
  },
  'http://ecns.cn/news/politics/2024-07-03/detail-ihecxmxh6561942.shtml': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: 'China Daily (ecns.cn): UN adopts China-proposed resolution on AI capacity building (3 July 2024)',
  },
  'http://en.northnews.cn/2015/0915/2022521.shtml': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'http://en.siis.org.cn/En/Research/2110': { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'http://ifg.cc/en/aktuelles/nachrichten/regionen/559-mm-myanmar/23819-myanmar-commits-to-combat-cyber-crime.html':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'http://laocert.gov.la/pages/4': {
    kind: 'PRIMARY',
    accessedOn: '2026-12-07',
    title: 'LaoCERT: About LaoCERT (Lao-language page; names it ລາວເຊີດ)',
  },
  'http://lt.chineseembassy.org/eng/xwdt/201309/t20130923_2707916.htm': {
    kind: 'PRIMARY',
    accessedOn: '2026-12-07',
    title: null,
  },
  'http://miradio.com.mm/news/myanmar%E2%80%99s-first-ever-national-cybersecurity-awareness-month': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'http://tothethao.com/bong-da_en/cybersecurity-protection-function-handed-over-to-public-security-ministry-2376215.html':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'http://worldlii.org/int/other/NDPrivLegis/2017/15.html': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'http://www.aiti.gov.bn/SitePages/News.aspx?AID=26': {
    kind: 'PRIMARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'http://www.brucert.org.bn/FAQ.htm': { kind: 'PRIMARY', accessedOn: '2026-11-27', title: null },
  'http://www.businessinasean.com/en/about-asean/introduction-to-asean.html': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'http://www.nisc.go.jp/security-site/eng/campaign/column/20171016_cambodia_e.html': {
    kind: 'PRIMARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://adj.com.my/2024/08/06/ir-dr-megat-zuhairy-megat-tajuddin-national-cyber-security-agency-nacsa-chief-executive':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://ajccbc.ncsa.or.th/privacy-policy/': { kind: 'PRIMARY', accessedOn: '2026-11-27', title: null },
  'https://ascis.vnisa.org.vn/en/notification-about-the-final-round-of-asean-student-contest-on-information-security-2021/':
    { kind: 'PRIMARY', accessedOn: '2026-11-27', title: null },
  'https://asiasociety.org/policy-institute/raising-standards-data-ai-southeast-asia/data/thailand': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://auscert.org.au/blog/2020-10-09-auscert-2020-asean-cert-incident-drill': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://bangkokherald.com/business/tech/thailands-1st-cyber-security-agency-begins-operations/': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://cdlaf.vn/en/personal-data-transfer-abroad-impact-assessment-dossier-2': {
    kind: 'SECONDARY',
    accessedOn: '2026-12-07',
    title: null,
  },
  'https://cms.law/en/int/expert-guides/cms-expert-guide-to-data-protection-and-cyber-security-laws/singapore':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://conventuslaw.com/?p=54480': { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://csa.gov.sg/News-Events/Press-Releases/2024/singapore-moves-ahead-to-establish-the-asean-regional-cert-to-strengthen-regional-cybersecurity':
    { kind: 'PRIMARY', accessedOn: '2026-11-27', title: null },
  'https://csa.gov.sg/news-events/press-releases/singapore-and-asean-member-states-deepen-commitment-to-enhance-collective-cybersecurity-in-the-region':
    { kind: 'PRIMARY', accessedOn: '2026-11-27', title: null },
  'https://database.cyberpolicyportal.org/en/entity/1tfrsytxdh': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://dev-mcis-csa-content-pop.decision-science.agency/News-Events/News-Articles/2021/csa-hosts-16th-iteration-of-asean-cert-incident-drill':
    { kind: 'SECONDARY', accessedOn: '2026-12-07', title: null },
  'https://digitallibrary.un.org/record/4055330': {
    kind: 'PRIMARY',
    accessedOn: '2026-11-27',
    title:
      'UN Digital Library: A/RES/78/311, Enhancing international cooperation on capacity-building of artificial intelligence (adopted by the General Assembly without a vote, 1 July 2024)',
  },
  'https://digitalpolicyalert.org/event/17163-adopted-asean-guide-on-ai-governance-and-ethics-including-principles-and-design-requirements':
    {
      kind: 'SECONDARY',
      accessedOn: '2026-11-27',
      title: 'Digital Policy Alert: Adopted ASEAN Guide on AI Governance and Ethics',
    },
  'https://en.vietnamplus.vn/2021-asean-student-contest-on-information-security-to-be-held-online/207027.vnp':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://en.vietnamplus.vn/asean-dialogue-countries-enhance-cooperation-in-coping-with-cyberattacks/269837.vnp':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://en.wikipedia.org/wiki/National_Computer_Network_Emergency_Response_Technical_Team/Coordination_Center_of_China':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://english.luatvietnam.vn/decision-no-127-qd-ttg-dated-january-26-2021-of-the-prime-minister-on-the-promulgation-of-the-national-strategy-on-research-development-and-applica-197755-doc1.html':
    {
      kind: 'SECONDARY',
      accessedOn: '2026-11-27',
      title: 'LuatVietnam: Decision No. 127/QD-TTg on the National Strategy on R&D and application of AI',
    },
  'https://eoasis.rajahtann.com/eoasis/gn/regionnews.asp?c=8&id=1008&n=32': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://filipino.cri.cn/301/2017/09/13/102s151641.htm': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://github.com/annexare/Countries/blob/master/dist/minimal/countries.native.min.json': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://github.com/lukes/ISO-3166-Countries-with-Regional-Codes/blob/master/slim-3/slim-3.csv': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://globaldatareview.com/insight/handbook/2023/article/singapore-cybersecurity': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://globalprivacylaws.com/laws/pdpo-brunei/': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://govinsider.asia/indo-en/article/peta-jalan-ai-nasional-antara-ekosistem-talenta-dan-danantara': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: 'GovInsider: Indonesia’s national AI roadmap',
  },
  'https://govinsider.asia/intl-id/article/meet-gis-cybersecurity-champion-he-sam-sethserey-director-general-of-the-general-department-of-the-ict-department-ministry-of-post-and-telecommunications-mptc-cambodia':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://gpg-pdf.chambers.com/view/731628805/409/': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://hk.lexiscn.com/law/law-english-1-4768731-T.html?access=content_detail&lang=en&eng=1&keyword=SW50ZXJpbSBNZWFzdXJlcyBmb3IgdGhlIE1hbmFn&t_kw=SW50ZXJpbSBNZWFzdXJlcyBmb3IgdGhlIE1hbmFn&act=detail&prid=59f3f48a-4942-82a5-d29f-869e5754e19a&crid=114b61f0-bed3-4673-a700-e552c365780a':
    {
      kind: 'SECONDARY',
      accessedOn: '2026-12-07',
      title:
        'LexisChina (English translation): Interim Measures for the Management of Generative Artificial Intelligence Services, Order No. 15 (10 July 2023)',
    },
  'https://humannationalityvn.blogspot.com/2019/10/cybersecurity-emergency-response-center.html': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://infokomputer.grid.id/amp/121785701/bssn-resmikan-pusat-operasi-keamanan-siber-nasional-ini-tugasnya?page=all':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://itiger.com/news/2476390370': { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://jaif.asean.org/project-brief/asean-japan-cybersecurity-capacity-building-centre-step-2/': {
    kind: 'PRIMARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://justai.in/china-took-a-step-forward-in-responsible-use-of-ai-launched-a-new-ai-generated-content-labelling-measure-24-03-2025':
    {
      kind: 'SECONDARY',
      accessedOn: '2026-11-27',
      title: 'JustAI: China launches measures for labelling AI-generated content (24 March 2025)',
    },
  'https://justai.in/malaysias-national-ai-governance-and-ethics-guidelines-28-09-24': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: 'JustAI: Malaysia’s national AI governance and ethics guidelines (28 September 2024)',
  },
  'https://justai.in/singapores-master-plan-to-regulate-ai': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: 'JustAI: Singapore’s master plan to regulate AI',
  },
  'https://kompaspedia.kompas.id/baca/profil/lembaga/badan-siber-dan-sandi-negara-bssn': {
    kind: 'SECONDARY',
    accessedOn: '2026-12-07',
    title: 'Kompaspedia: Badan Siber dan Sandi Negara (BSSN), profile',
  },
  'https://lawnet.vn/thong-tin-phap-luat/en/tu-van-luat/organizational-structure-of-the-vietnam-cybersecurity-emergency-response-teams-coordination-center-127425.html':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://laws.sg/legislation/sub-leg-2012-pdpa-s63-2021/reg-10': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://laws.sg/legislation/sub-leg-2012-pdpa-s63-2021/reg-11': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://legacy.dataguidance.com/node/469904': { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://library.siam-legal.com/thai-law/personal-data-protection-act-office-of-the-personal-data-protection-committee-sections-43-70':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://library.siam-legal.com/thai-law/personal-data-protection-committee-sections-8-18': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://m.freshnewsasia.com/index.php/en/localnews/79762-2018-02-28-04-33-22.html': {
    kind: 'SECONDARY',
    accessedOn: '2026-12-07',
    title:
      'Fresh News (28 February 2018): the MPTC spokesperson on regaining the ministry’s Facebook page (Khmer)',
  },
  'https://mayerbrown.com/pt/insights/publications/2021/02/finding-harmony-asean-model-contractual-clauses-and-data-management-framework-launched':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://mcigroup.my/2021/06/03/4615-cybersecurity-incidents-reported-from-jan-may': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://mondaq.com/security/1491068/regional-guide-to-cybersecurity-and-data-protection-in-mainland-southeast-asia':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://mylaw.my/legislation/act-2010-709/section-129': {
    kind: 'SECONDARY',
    accessedOn: '2026-12-07',
    title: null,
  },
  'https://newsviews.thuraswiss.com/government-to-bring-in-korean-cyber-security-experts/page/2': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://nst.com.my/amp/news/nation/2024/08/1097740/nacsa-revamp-critical-infrastructure-list-under-new-cyber-security-act':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://nstda.or.th/en/news/news-years-2022/prime-minister-chairs-the-first-meeting-of-national-ai-committee.html':
    {
      kind: 'PRIMARY',
      accessedOn: '2026-11-27',
      title: 'NSTDA: Prime Minister chairs the first meeting of the National AI Committee',
    },
  'https://nvd.nist.gov/vuln/detail/CVE-2023-4966': {
    kind: 'PRIMARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://nvd.nist.gov/vuln/detail/CVE-2024-3400': {
    kind: 'PRIMARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://nzchambers.com/cross-border-personal-data-transfer-guidelines-everything-you-need-to-know/': {
    kind: 'SECONDARY',
    accessedOn: '2026-12-07',
    title: null,
  },
  'https://oecd.ai/en/ai-principles': {
    kind: 'PRIMARY',
    accessedOn: '2026-11-27',
    title: 'OECD.AI: AI Principles overview',
  },
  'https://opengovasia.com/asean-computer-emergency-response-teams-discuss-cybersecurity-during-a-pandemic/':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://papers.ssrn.com/sol3/papers.cfm?abstract_id=2516735': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://pasaxon.org.la/n_detail.php?n_id=1194': {
    kind: 'SECONDARY',
    accessedOn: '2026-12-07',
    title:
      'Pasaxon: the National Internet Management Committee reviews 2023 (names the Lao National Internet Center of the Ministry of Technology and Communications; Lao)',
  },
  'https://pdpathailand.com/news-article/data-breach-management': {
    kind: 'SECONDARY',
    accessedOn: '2026-12-07',
    title:
      'PDPA Thailand: personal data breach notification under the Personal Data Protection Committee’s 2022 notification (Thai)',
  },
  'https://peopleofinternet.com/articles/malaysia-scraps-its-data-whitelist-a-pragmatic-pivot-for-asi.html': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://peraturan.bpk.go.id/Details/229798/uu-no-27-tahun-2022': {
    kind: 'PRIMARY',
    accessedOn: '2026-12-07',
    title: null,
  },
  'https://personalinformationprotectionlaw.com/PIPL/tag/state-cyberspace-administration/': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://philstartech.com/?p=8371': { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://platform.dataguidance.com/opinion/philippines-data-privacy-act-2012-%E2%80%93-understanding': {
    kind: 'SECONDARY',
    accessedOn: '2026-12-07',
    title: null,
  },
  'https://press.un.org/en/2024/ga12588.doc.htm': {
    kind: 'PRIMARY',
    accessedOn: '2026-11-27',
    title:
      'UN press release GA/12588: General Assembly adopts landmark resolution on steering artificial intelligence towards global good (21 March 2024)',
  },
  'https://privacy.gov.ph/data-privacy-act/': { kind: 'PRIMARY', accessedOn: '2026-12-07', title: null },
  'https://privacy.gov.ph/implementing-rules-regulations-data-privacy-act-2012/': {
    kind: 'PRIMARY',
    accessedOn: '2026-12-07',
    title: null,
  },
  'https://privacycompliance.vn/?p=1228': { kind: 'SECONDARY', accessedOn: '2026-12-07', title: null },
  'https://rafa.tl/?p=18269': { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://raw.githubusercontent.com/siegfriedbolz/ai-governance-watch/main/memory-mirror/reference_iso_42001.md':
    {
      kind: 'SECONDARY',
      accessedOn: '2026-12-07',
      title:
        'ai-governance-watch reference file: ISO/IEC 42001:2023 (source iso.org/standard/42001; 1st edition, published 2023-12)',
    },
  'https://resourcehub.bakermckenzie.com/en/resources/cloud-compliance-center/apac/indonesia/topics/data-privacy-and-security':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://respicio.ph/commentaries/data-privacy-act-compliance-and-national-privacy-commission-registration':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://rplawyers.cn/qa-on-export-of-personal-information-under-the-standard-contract': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://safenet.or.id/priorities-and-challenges-of-indonesias-artificial-intelligence-national-strategy-stranas-ka/':
    {
      kind: 'SECONDARY',
      accessedOn: '2026-11-27',
      title: 'SAFEnet: Priorities and challenges of Indonesia’s AI national strategy',
    },
  'https://sso.agc.gov.sg/SL/PDPA2012-S63-2021': { kind: 'PRIMARY', accessedOn: '2026-12-07', title: null },
  'https://techinsights.linklaters.com/post/102j06t/association-of-southeast-asian-nations-provides-guidance-on-ai-governance-and-eth':
    {
      kind: 'SECONDARY',
      accessedOn: '2026-11-27',
      title: 'Linklaters TechInsights: ASEAN provides guidance on AI governance and ethics',
    },
  'https://technologylaw.ghost.io/asean-ministers-advance-generative-ai-governance-with-updated-ethical-guide':
    {
      kind: 'SECONDARY',
      accessedOn: '2026-11-27',
      title: 'ASEAN ministers advance generative AI governance with updated ethical guide',
    },
  'https://thelegal.co.th/tag/pdpa/page/3/': { kind: 'SECONDARY', accessedOn: '2026-12-07', title: null },
  'https://thescoop.co/2020/10/13/national-cyber-security-agency-begins-operations/': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://thescoop.co/2025/03/08/brunei-enacts-new-law-giving-citizens-control-over-personal-data': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://timor-leste.gov.tl/?lang=en&p=11107&print=1': {
    kind: 'PRIMARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://timor-leste.gov.tl/?lang=pt&n=1&p=45059': {
    kind: 'PRIMARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://timor-leste.gov.tl/?lang=pt&p=47290&print=1': {
    kind: 'PRIMARY',
    accessedOn: '2026-12-07',
    title: 'Government of Timor-Leste (Portuguese): Grupo de Trabalho Interministerial de Cibersegurança',
  },
  'https://vdocuments.net/asean-digital-senior-officials-meeting-adgsom-january-.html': {
    kind: 'SECONDARY',
    accessedOn: '2026-12-07',
    title:
      'ASEAN Model Contractual Clauses for Cross Border Data Flows, final copy for endorsement by the 2nd ADGSOM, January 2021 (document mirror; only its opening pages could be read, and asean.org’s copy was not reachable)',
  },
  'https://vietnam.vn/en/bo-cong-an-de-xuat-hop-nhat-2-luat-linh-vuc-an-toan-thong-tin-va-an-ninh-mang': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://vietnam.vn/en/hop-luc-bao-ve-an-ninh-mang-trong-giai-doan-moi': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://vietnam.vnanet.vn/english/vietnam-hosts-2018-asean-japan-cyber-security/372911.html': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://viva.co.id/amp/berita/nasional/1763922-meutya-hafid-kominfo-berubah-jadi-komdigi': {
    kind: 'SECONDARY',
    accessedOn: '2026-12-07',
    title: 'VIVA: Meutya Hafid, Kominfo becomes Komdigi (Kementerian Komunikasi dan Digital)',
  },
  'https://www.allenovery.com/en-gb/global/blogs/digital-hub/international-asean-proposes-model-clauses-for-international-data-transfers':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://www.cac.gov.cn/2021-08/20/c_1631050028355286.htm': {
    kind: 'PRIMARY',
    accessedOn: '2026-12-07',
    title: null,
  },
  'https://www.cac.gov.cn/2022-07/07/c_1658811536396503.htm': {
    kind: 'PRIMARY',
    accessedOn: '2026-12-07',
    title: null,
  },
  'https://www.cac.gov.cn/2023-02/24/c_1678884830036813.htm': {
    kind: 'PRIMARY',
    accessedOn: '2026-12-07',
    title:
      'CAC: Measures for the Standard Contract for Outbound Transfer of Personal Information (Order No. 13, 22 February 2023), Standard Contract annexed; its articles were read in copies of this text',
  },
  'https://www.cac.gov.cn/2024-03/22/c_1712776611775634.htm': {
    kind: 'PRIMARY',
    accessedOn: '2026-12-07',
    title: null,
  },
  'https://www.cac.gov.cn/2025-12/04/c_1766577618173846.htm': {
    kind: 'PRIMARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://www.cert.org.cn/publish/english/55/2017/20170926154444934286618/20170926154444934286618_.html': {
    kind: 'PRIMARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://www.cert.org.cn/publish/english/index.html': {
    kind: 'PRIMARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://www.csa.gov.sg/News-Events/News-Articles/2019/CSA-hosts-14th-iteration-of-ASEAN-CERT-Incident-Drill-ACID':
    { kind: 'PRIMARY', accessedOn: '2026-12-07', title: null },
  'https://www.csa.gov.sg/News/News-Articles/CSA-hosts-13th-iteration-of-ASEAN-CERT-Incident-Drill-ACID': {
    kind: 'PRIMARY',
    accessedOn: '2026-12-07',
    title: null,
  },
  'https://www.csa.gov.sg/faq/singcert': { kind: 'PRIMARY', accessedOn: '2026-11-27', title: null },
  'https://www.csa.gov.sg/news-events/news-articles/18th-iteration-of-asean-cert-incident-response-drill-tests-cert-s-preparedness-against-multi-pronged-attacks-arising-from-hacktivism':
    { kind: 'PRIMARY', accessedOn: '2026-11-27', title: null },
  'https://www.csa.gov.sg/singcert/about-us/faqs': { kind: 'PRIMARY', accessedOn: '2026-11-27', title: null },
  'https://www.cybersecurity.my/en/about_us/history/main/detail/734/index.html': {
    kind: 'PRIMARY',
    accessedOn: '2026-12-07',
    title:
      'CyberSecurity Malaysia: History (MyCERT from 13 January 1997; NISER; renamed CyberSecurity Malaysia 20 August 2007)',
  },
  'https://www.dataguidance.com/jurisdiction/lao-pdr': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://www.dataguidance.com/opinion/international-comparing-contractual-clauses-asean': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://www.datapribadi.id/legal-analysis/bagian-iv---pedoman-singkat-dalam-memahami-data-pribadi--penyelesaian-sengketa-dan-sanksi-pidana.html':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://www.dti.gov.ph/news/dti-launches-national-ai-strategy-roadmap-2-0-center-ai-research-positioning-philippines-center-excellence-ai-rampd/':
    {
      kind: 'PRIMARY',
      accessedOn: '2026-11-27',
      title: 'DTI: DTI launches National AI Strategy Roadmap 2.0 and Center for AI Research',
    },
  'https://www.e-alin.org/eng/legislative/L/546/view.do': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://www.ecbnnews.com/2024/05/21/the-completion-and-handover-of-chinas-aid-to-laos-institute-of-posts-and-telecommunications-2397/':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://www.edb.gov.sg/en/business-insights/insights/singapore-updates-ai-strategy-with-aim-to-contribute-globally-valuable-breakthroughs.html':
    {
      kind: 'PRIMARY',
      accessedOn: '2026-11-27',
      title:
        'EDB Singapore: Singapore updates AI strategy with aim to contribute globally valuable breakthroughs',
    },
  'https://www.ghill.ca/iso42001': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: 'ISO/IEC 42001 Annex A, Table A.1 — Control objectives and controls (copy at ghill.ca)',
  },
  'https://www.globalcompliancenews.com/2021/11/12/asean-adopting-the-asean-model-contractual-clauses-for-cross-border-data-transfers021121/':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://www.gov.uk/government/publications/ai-safety-summit-2023-the-bletchley-declaration/the-bletchley-declaration-by-countries-attending-the-ai-safety-summit-1-2-november-2023':
    {
      kind: 'PRIMARY',
      accessedOn: '2026-11-27',
      title:
        'GOV.UK: The Bletchley Declaration by Countries Attending the AI Safety Summit, 1-2 November 2023',
    },
  'https://www.gov.uk/government/publications/seoul-declaration-for-safe-innovative-and-inclusive-ai-ai-seoul-summit-2024/seoul-statement-of-intent-toward-international-cooperation-on-ai-safety-science-ai-seoul-summit-2024-annex':
    {
      kind: 'PRIMARY',
      accessedOn: '2026-11-27',
      title:
        'GOV.UK: Seoul Statement of Intent toward International Cooperation on AI Safety Science (Annex)',
    },
  'https://www.idsirtii.or.id/halaman/tentang/rfc-2350.html': {
    kind: 'PRIMARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://www.inkl.com/news/thaicert-moving-to-ncsa-under-new-law': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://www.kensington-trust.com/malaysia-personal-data-protection-act-2010/': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://www.laocert.gov.la/en/Page-1-About-LaoCERT': {
    kind: 'PRIMARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://www.laotiantimes.com/2016/11/01/clmv-consult-cyber-security-policy/': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://www.lokmattimes.com/international/timor-leste-becomes-11th-member-of-asean/': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://www.mayerbrown.com/ja/insights/publications/2025/07/from-legislative-reform-to-practical-guidance-key-amendments-to-malaysias-pdpa-and-the-launch-of-cross-border-transfer-guidelines':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://www.mindofcyber.com/2025/10/04/myanmars-cybersecurity': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://www.moi.gov.mm/npe/index.php/chiukbhaalunkhunrechiungraa-asipnnyaapeheaapeaapai-kngp': {
    kind: 'PRIMARY',
    accessedOn: '2026-12-07',
    title:
      'Ministry of Information (Myanmar): cybersecurity awareness talk held by MoTC’s IT and Cyber Security Department, with the National Cyber Security Centre (Burmese)',
  },
  'https://www.nationthailand.com/blogs/news/general/40047662': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://www.ncert.gov.ph/about-us/ncert/': { kind: 'PRIMARY', accessedOn: '2026-11-27', title: null },
  'https://www.pdp.gov.my/ppdpv1/en/akta/personal-data-protection-amendment-act-2024/': {
    kind: 'PRIMARY',
    accessedOn: '2026-12-07',
    title: null,
  },
  'https://www.pdp.gov.my/ppdpv1/wp-content/uploads/2025/08/GP_CBPDT_EN-1.pdf': {
    kind: 'PRIMARY',
    accessedOn: '2026-12-07',
    title: null,
  },
  'https://www.pdpc.gov.sg/guidelines-and-consultation/2020/03/advisory-guidelines-on-key-concepts-in-the-personal-data-protection-act':
    { kind: 'PRIMARY', accessedOn: '2026-12-07', title: null },
  'https://www.privacylaws.com/reports-gateway/articles/int174/int174asean/': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://www.privacyworld.blog/2024/02/asean-and-eu-finalise-implementation-guide-for-cross-border-data-transfers/':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://www.privacyworld.blog/?p=9004': { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://www.recordinglaw.com/world-laws/world-data-privacy-laws/vietnam-data-privacy-laws/': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://www.respicio.ph/commentaries/overview-of-ra-10173-data-privacy-act-of-2012-in-the-philippines': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://www.rfc-editor.org/rfc/rfc2606': { kind: 'PRIMARY', accessedOn: '2026-11-27', title: null },
  'https://www.roedl.com/en-GB/de/insights/Pages/newsflash-malaysia/2025_05/malaysia-part3-personal-data-protection-amendment-act-2024.aspx':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://www.sggpnews.org.vn/science_technology/vietnam-intensifies-fight-against-law-violations-crimes-in-internet-environment-97572.html':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://www.skrine.com/insights/alerts/may-2025/cross-border-personal-data-transfer-guidelines-lau': {
    kind: 'SECONDARY',
    accessedOn: '2026-12-07',
    title: null,
  },
  'https://www.soumu.go.jp/main_sosiki/joho_tsusin/eng/pressrelease/2020/11/06_01.html': {
    kind: 'PRIMARY',
    accessedOn: '2026-12-07',
    title: null,
  },
  'https://www.straitstimes.com/asia/se-asia/southeast-asian-cyber-security-centre-opens-in-thailand': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://www.straitstimes.com/tech/centre-for-asean-to-jointly-tackle-cyber-threats': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://www.straitstimes.com/tech/tech-news/asean-spore-centre-for-training-national-cyber-security-teams-opens-new-campus':
    { kind: 'SECONDARY', accessedOn: '2026-11-27', title: null },
  'https://www.thaicert.or.th/en/authority-and-duties/': {
    kind: 'PRIMARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://www.thaicert.or.th/services-en.html': { kind: 'PRIMARY', accessedOn: '2026-11-27', title: null },
  'https://www.tic.gov.tl/en/content/there-are-42-state-institutions-have-registered-website-timor-tic-ip-system-and-applications':
    { kind: 'PRIMARY', accessedOn: '2026-11-27', title: null },
  'https://www.tic.gov.tl/en/content/xecutive-director-tic-timor-ip-was-interviewed-tatoli-agency-regarding-electronic-government':
    { kind: 'PRIMARY', accessedOn: '2026-11-27', title: null },
  'https://www.tmi.gr.jp/eyes/blog/2024/15450.html': {
    kind: 'SECONDARY',
    accessedOn: '2026-12-07',
    title: null,
  },
  'https://www.ummahtoday.com.my/agenda-keselamatan-siber-diperkasakan-demi-kestabilan-negara-pm-anwar': {
    kind: 'SECONDARY',
    accessedOn: '2026-12-07',
    title:
      'Ummah Today (Bernama): Agenda keselamatan siber diperkasakan demi kestabilan negara – PM Anwar (Malay)',
  },
  'https://www.voc.com.cn/news/201509/26152657.html': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://www.worldipreview.com/article/personal-data-protection-in-malaysia': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: null,
  },
  'https://www2.deloitte.com/sg/en/pages/risk/articles/my-aige-guidelines.html': {
    kind: 'SECONDARY',
    accessedOn: '2026-11-27',
    title: 'Deloitte: Malaysia’s National Guidelines on AI Governance and Ethics',
  },
  'https://mfa.go.th/en/content/5d5bd0c715e39c3060021449?cate=5d5bcb4e15e39c306000683e': {
    kind: 'PRIMARY',
    accessedOn: '2026-12-07',
    title: null,
  },
  'https://www.lexiscn.com/pghottopic/pg_ce/cn/pg_ce85.html': {
    kind: 'SECONDARY',
    accessedOn: '2026-12-07',
    title:
      'LexisNexis China, issue 85: article-by-article reading of the Standard Contract Measures (the no-conflict rule moved to Art. 6)',
  },
  'https://www.twobirds.com/en/capabilities/practices/digital-rights-and-assets/apac-dra/apac-dsd/privacy-and-data-protection/singapore/joint-guide-on-asean-and-eu-model-contractual-clauses':
    {
      kind: 'SECONDARY',
      accessedOn: '2026-12-07',
      title:
        'Bird & Bird: Joint Guide on ASEAN and EU Model Contractual Clauses (topics compared per module, incl. termination)',
    },
  'https://asean.org/?static_post=overview-asean-china-dialogue-relations': {
    kind: 'PRIMARY',
    accessedOn: '2026-12-07',
    title:
      'ASEAN Secretariat: Overview of ASEAN-China Dialogue Relations (relations from July 1991; full Dialogue Partner at the 29th AMM, July 1996)',
  },
  'https://asean2021.bn/latestnewsdtls/chairman-s-statement-of-the-24th-asean-china-summit': {
    kind: 'PRIMARY',
    accessedOn: '2026-12-07',
    title:
      'ASEAN 2021 Brunei Darussalam: Chairman’s Statement of the 24th ASEAN-China Summit, 26 October 2021 (agreement to establish a Comprehensive Strategic Partnership)',
  },
  'https://career.csu.edu.cn/company/view/id/525271': {
    kind: 'SECONDARY',
    accessedOn: '2026-12-07',
    title:
      'Central South University careers: employer profile of 国家计算机网络应急技术处理协调中心 (CNCERT), a unit directly under the CAC',
  },
  'https://www.pdp.gov.my/jpdpv2/lindungi-data-anda/': {
    kind: 'PRIMARY',
    accessedOn: '2026-12-07',
    title: 'Portal Rasmi Jabatan Perlindungan Data Peribadi: Lindungi Data Anda',
  },
  'https://news.trueid.net/detail/N5a4EO1Wzg7y': {
    kind: 'SECONDARY',
    accessedOn: '2026-12-07',
    title:
      'TNN (TrueID news), 19 August 2021: Thailand launches NCSA, สำนักงานคณะกรรมการการรักษาความมั่นคงปลอดภัยไซเบอร์แห่งชาติ',
  },
  'https://bavutex.baria-vungtau.gov.vn/tin-tuc/trung-tam-ung-cuu-khan-cap-khong-gian-mang-viet-nam-di-vao-hoat-dong-tu-thang-toi.html':
    {
      kind: 'SECONDARY',
      accessedOn: '2026-12-07',
      title:
        'Bà Rịa–Vũng Tàu provincial government news, 29 October 2019: Trung tâm Ứng cứu khẩn cấp không gian mạng Việt Nam (VNCERT/CC) operates from 1 November 2019 (Decision 1671/QĐ-BTTTT)',
    },
  'https://vdocuments.mx/b-thng-tin-v-truyn-thng-cng-ha-xf-hi-ch-micgovvnuploadtintuc2017-t37-bc-attt-.html':
    {
      kind: 'SECONDARY',
      accessedOn: '2026-12-07',
      title:
        'Cục An toàn thông tin weekly information-security summary No. 38/BC-CATTT, 19 September 2017 (document mirror)',
    },
  'https://thanhnien.vn/thoi-su/can-canh-duong-day-phat-tan-hang-tram-trieu-tin-nhan-rac-vua-bi-triet-pha-1387066.html':
    {
      kind: 'SECONDARY',
      accessedOn: '2026-12-07',
      title:
        'Thanh Niên, 21 May 2021: report naming Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao, Bộ Công an (A05)',
    },
  'https://www.pdp.gov.my/ppdpv1/privacy': {
    kind: 'PRIMARY',
    accessedOn: '2026-12-07',
    title:
      'Jabatan Perlindungan Data Peribadi: Personal Data Protection Notice (JPDP’s regulatory and enforcement functions under Act 709)',
  },
  'https://pt.tatoli.tl/2021/01/12/mtc-apresentara-em-conselho-de-ministros-decreto-lei-que-regula-rede-externa-de-telecomunicacoes/':
    {
      kind: 'SECONDARY',
      accessedOn: '2026-12-07',
      title:
        'TATOLI (Timor-Leste news agency), 12 January 2021: licences from the Autoridade Nacional de Comunicações (ANC)',
    },
};
