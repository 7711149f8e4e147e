import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@cadg/platform';
import { freePorts, repoRoot } from '../cluster/processes.ts';
import { startGraph, type Graph } from './harness.ts';

/** Runs `npm run try:alerts`'s script as its own process, as a newcomer does, and collects its output. */
async function tryAlerts(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'stack/src/try-alerts.ts', ...args], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

describe('npm run try:alerts', () => {
  let graph: Graph;
  let smtpPort: number;

  beforeAll(async () => {
    [smtpPort] = (await freePorts(1)) as [number];
    // As `SMTP_URL=smtp://127.0.0.1:<port> npm start` would give the graph.
    graph = await startGraph({ alerts: { smtpUrl: `smtp://127.0.0.1:${smtpPort}` } });
  });
  afterAll(async () => {
    await graph?.close();
  });

  it('receives a signed webhook and an e-mail for one reported incident, prints both and deletes its rules', async () => {
    const { code, stdout, stderr } = await tryAlerts(
      ['--gateway', graph.gatewayUrl, '--smtp-port', String(smtpPort)],
      // The script mints its ORG_ADMIN token with the dev issuer key of the graph, as `npm run token` does.
      { ...process.env, DATA_DIR: graph.keyDir },
    );
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toMatch(
      /webhook received: POST \/try-alerts webhook-id \S+, signature verified \(standardwebhooks\): INCIDENT_REPORTED "try:alerts test incident/,
    );
    expect(stdout).toMatch(
      /e-mail received for duty-officer@mycert\.example: subject "\[TLP:GREEN\] HIGH — try:alerts test incident/,
    );
    expect(stdout).toContain('Deleted the 2 alert rule(s) this run created.');

    const admin = await graph.token('my-mycert', [Role.OrgAdmin]);
    const rules = await graph.query<{ alertRules: { name: string }[] }>('{ alertRules { name } }', {}, admin);
    expect(rules.errors).toBeUndefined();
    expect(rules.data!.alertRules.filter((rule) => rule.name.startsWith('try:alerts'))).toEqual([]);
    // The script's own deadline for the alerts to arrive is 30 s.
  }, 60_000);
});
