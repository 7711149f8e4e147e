/**
 * @generated SignedSource<<c009b385bbdc57e3dfa922d2ce7ac1d0>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import type { ReaderFragment } from 'relay-runtime';
export type IncidentStatus = "CLOSED" | "CONTAINED" | "IN_PROGRESS" | "REJECTED" | "REPORTED" | "RESOLVED" | "TRIAGED" | "%future added value";
export type Severity = "BASELINE" | "EMERGENCY" | "HIGH" | "LOW" | "MEDIUM" | "SEVERE" | "%future added value";
export type Tlp = "AMBER" | "AMBER_STRICT" | "CLEAR" | "GREEN" | "RED" | "%future added value";
import type { FragmentRefs } from "relay-runtime";
export type RelayIncidents_incident$data = {
  readonly nodeId: string;
  readonly reportedBy: {
    readonly acronym: string | null | undefined;
    readonly name: string;
  };
  readonly severity: Severity;
  readonly status: IncidentStatus;
  readonly title: string;
  readonly tlp: Tlp;
  readonly " $fragmentType": "RelayIncidents_incident";
};
export type RelayIncidents_incident$key = {
  readonly " $data"?: RelayIncidents_incident$data;
  readonly " $fragmentSpreads": FragmentRefs<"RelayIncidents_incident">;
};

import RelayIncidentRefetchQuery_graphql from './RelayIncidentRefetchQuery.graphql';

const node: ReaderFragment = {
  "argumentDefinitions": [],
  "kind": "Fragment",
  "metadata": {
    "refetch": {
      "connection": null,
      "fragmentPathInResult": [
        "node"
      ],
      "operation": RelayIncidentRefetchQuery_graphql,
      "identifierInfo": {
        "identifierField": "nodeId",
        "identifierQueryVariableName": "id"
      }
    }
  },
  "name": "RelayIncidents_incident",
  "selections": [
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "title",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "severity",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "tlp",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "status",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "concreteType": "Organization",
      "kind": "LinkedField",
      "name": "reportedBy",
      "plural": false,
      "selections": [
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "name",
          "storageKey": null
        },
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "acronym",
          "storageKey": null
        }
      ],
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "nodeId",
      "storageKey": null
    }
  ],
  "type": "Incident",
  "abstractKey": null
};

(node as any).hash = "7f10fab566ac72788f7d9685e7c2ebc0";

export default node;
