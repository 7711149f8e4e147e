import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Resolver types generated from each subgraph's SDL (GraphQL Code Generator, `typescript` +
 * `typescript-resolvers`). `npm run codegen` writes them; `npm test` runs `codegen -- --check`, which
 * fails when a `schema.graphql` changed and the generated file did not.
 *
 * Mappers name the TypeScript value a resolver of each GraphQL type receives as its parent (our
 * drizzle rows and domain views), so a resolver's parent, arguments, context and result are all
 * checked against the SDL. Paths are relative to the generated file.
 */
const subgraphs: Record<string, { context: string; mappers: Record<string, string>; connections: string[] }> =
  {
    contacts: {
      context: 'ContactsContext',
      mappers: {
        Country: '../rows.ts#CountryRow',
        Organization: '../rows.ts#OrganizationRow',
        Contact: '../rows.ts#ContactRow',
        ContactVerification: '../rows.ts#VerificationRow',
        VerificationPing: '../verification-pings.ts#VerificationPingRow',
        Activity: '../rows.ts#ActivityRow',
        ActivityCancellation: '../capacity/rows.ts#CancellationRow',
        ActivityMaterial: '../capacity/rows.ts#MaterialRow',
        ActivityAttendee: '../capacity/rows.ts#AttendeeRow',
        AfterActionReport: '../capacity/rows.ts#AfterActionRow',
        FollowUpAction: '../capacity/rows.ts#FollowUpRow',
      },
      connections: ['Organization', 'Contact', 'Activity'],
    },
    incidents: {
      context: 'IncidentsContext',
      mappers: {
        Country: '../rows.ts#CountryRef',
        Organization: '../rows.ts#OrganizationRef',
        Incident: '../rows.ts#IncidentRow',
        IncidentUpdate: '../rows.ts#IncidentUpdateRow',
        AssistanceRequest: '../rows.ts#AssistanceRequestRow',
        Advisory: '../rows.ts#AdvisoryRow',
        Indicator: '../rows.ts#IndicatorRow',
        IncidentEvent: '../events/feed.ts#FeedItem',
        PhishingReport: '../phishing.ts#PhishingReportView',
        PhishingVerdict: '../phishing.ts#PhishingVerdictRow',
        AlertRule: '../alerts/rules.ts#AlertRuleRow',
        AlertDelivery: '../alerts/rules.ts#AlertDeliveryRow',
        ExchangeImport: '../exchange/imports.ts#ImportRow',
        StixImportResult: '../exchange/imports.ts#StixImportView',
        MispImportResult: '../exchange/misp-import.ts#MispImportView',
        MispFeed: '../exchange/misp-feeds.ts#MispFeedRow',
        MispFeedPull: '../exchange/misp-feeds.ts#MispFeedPullRow',
        ImportProvenance: '../exchange/misp-feeds.ts#ProvenanceRow',
        SharingGroup: '../sharing-groups.ts#SharingGroupRow',
      },
      connections: [
        'Incident',
        'IncidentUpdate',
        'IncidentEvent',
        'Advisory',
        'AlertDelivery',
        'AssistanceRequest',
      ],
    },
    dataflows: {
      context: 'DataflowsContext',
      mappers: {
        Country: '../rows.ts#CountryRef',
        Organization: '../rows.ts#OrganizationRef',
        DataFlowPolicy: '../rows.ts#PolicyRow',
        DataProtectionLaw: '../rows.ts#LawRow',
        TransferMechanism: '../rows.ts#MechanismRow',
        MechanismRecognition: '../rows.ts#RecognitionRow',
        TransferThreshold: '../rows.ts#ThresholdRow',
        TransferRegime: '../rows.ts#RegimeRow',
        DataFlowPilot: '../rows.ts#PilotRow',
        PilotMilestone: '../rows.ts#MilestoneRow',
        TransferObligation: '../requirements.ts#Obligation',
        TransferRequirements: '../rows.ts#RequirementsAnswer',
        MechanismComparison: '../policies.ts#MechanismComparisonResult',
        ComparedClause: '../rows.ts#OrientedClause',
      },
      connections: ['DataFlowPilot'],
    },
    aipolicy: {
      context: 'AipolicyContext',
      mappers: {
        Country: '../rows.ts#CountryRef',
        Organization: '../rows.ts#OrganizationRef',
        PolicyPosition: '../rows.ts#PositionRow',
        PolicyInstrument: '../rows.ts#InstrumentRow',
        GovernanceFramework: '../rows.ts#FrameworkRow',
        Principle: '../rows.ts#PrincipleRow',
        PositionAlignment: '../positions.ts#PositionAlignmentResult',
        AlignmentEntry: '../alignment.ts#AlignmentEntry as AlignmentEntryValue',
      },
      connections: ['PolicyPosition', 'PolicyInstrument'],
    },
  };

/** Lists are `Connection<Node>` values (platform/src/cursor.ts), whose `totalCount` is a thunk the default resolver calls. */
function withConnections(mappers: Record<string, string>, nodes: readonly string[]): Record<string, string> {
  const connections = nodes.map((node) => {
    const mapper = mappers[node];
    if (!mapper) throw new Error(`codegen.ts: ${node}Connection needs a mapper for ${node}`);
    return [`${node}Connection`, `@cadg/platform#Connection<${mapper.split('#')[1]}>`];
  });
  return { ...mappers, ...Object.fromEntries(connections) };
}

const config: CodegenConfig = {
  overwrite: true,
  generates: Object.fromEntries(
    Object.entries(subgraphs).map(([name, { context, mappers, connections }]) => [
      `subgraphs/${name}/src/generated/resolvers-types.ts`,
      {
        schema: [`subgraphs/${name}/schema.graphql`],
        plugins: [
          { add: { content: '// Generated by `npm run codegen` from ../../schema.graphql: do not edit.' } },
          'typescript',
          'typescript-resolvers',
        ],
        config: {
          federation: true,
          useTypeImports: true,
          enumsAsTypes: true,
          contextType: `../context.ts#${context}`,
          mappers: withConnections({ ...mappers, AuditEntry: '@cadg/platform#AuditRecord' }, [
            ...connections,
            'AuditEntry',
          ]),
          // What our scalar implementations (platform/src/scalars.ts, incidents' json.ts) parse to and accept.
          scalars: {
            Date: 'string',
            DateTime: 'Date',
            JSON: 'unknown',
          },
        },
      },
    ]),
  ),
};

export default config;
