import { randomUUID } from 'node:crypto';
import { Role } from '@cadg/platform';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { devSignIn, expectNoSeriousViolations, screenshots } from './dashboard-helpers.ts';
import { graph, page, useDashboardPage } from './dashboard-page.ts';

/**
 * The incident pages in Debian's Chromium against the embedded default: the **Report an
 * incident** form with the API's field-level refusals, the incident page (TLP 2.0 banner,
 * details, timeline, assistance, indicators) and the actions a MyCERT member may take, the
 * organization asked answering from its situation page, and the API's error codes as sentences.
 */
const WAITING = 'Assistance requests waiting for an answer';

let incidentUrl: string;
const title = `Dashboard report-form test ${randomUUID()}`;
const groupName = `Dashboard sharing group ${randomUUID().slice(0, 8)}`;

useDashboardPage(async (graph) => {
  // A sharing group MyCERT owns, offered by the report form and the share action.
  const created = await graph.query(
    `mutation($i: CreateSharingGroupInput!) { createSharingGroup(input: $i) { id } }`,
    { i: { name: groupName, organizationIds: ['th-thaicert'] } },
    await graph.token('my-mycert', [Role.OrgAdmin]),
  );
  expect(created.errors).toBeUndefined();
});

/** The description the dashboard gave a form control: the API's complaint about it, when it has one. */
const descriptionOf = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

describe('the incident pages in the embedded default', { timeout: 120_000 }, () => {
  it('shows the API’s refusal at the field of the report form, then accepts the corrected report', async () => {
    await devSignIn(page, graph.baseUrl, 'my-mycert', 'MEMBER');
    await page.getByRole('link', { name: 'Report an incident' }).click();
    await page.getByRole('heading', { name: 'Report an incident', level: 1 }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page
      .getByLabel('Summary', { exact: true })
      .fill('Credential phishing against ministry staff (test data).');
    await page.getByLabel('Severity', { exact: true }).selectOption('SEVERE');
    await page.getByLabel('TLP marking').selectOption('AMBER');
    await page.getByLabel(/^Indicators/).fill('https://login-example.invalid/owa\n203.0.113.7');
    // No affected country: the API refuses it with BAD_USER_INPUT at input.affectedCountryCodes.
    await page.getByRole('button', { name: 'Report incident' }).click();
    const countries = page.getByRole('listbox', { name: 'Affected countries' });
    await expect.poll(() => countries.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(page, 'Affected countries')).toMatch(/Check this field: .*country/);
    expect(await page.getByLabel('Title', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    await expectNoSeriousViolations(page);
    await screenshots(page, 'report-form-error');

    // A detection time in the future is refused at its own field.
    await countries.selectOption(['MY', 'SG']);
    await page.getByLabel(/^Detected at/).fill('2999-01-01T10:00');
    await page.getByRole('button', { name: 'Report incident' }).click();
    await expect.poll(() => page.getByLabel(/^Detected at/).getAttribute('aria-invalid')).toBe('true');
    expect(await countries.getAttribute('aria-invalid')).toBeNull();

    await page.getByLabel(/^Detected at/).fill('2026-01-05T08:30');
    await page.getByRole('button', { name: 'Report incident' }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    incidentUrl = page.url();
    expect(incidentUrl).toMatch(/\/dashboard\/incidents\/[0-9a-f-]{36}$/);
  });

  it('shows the incident with its TLP 2.0 banner, details and indicators', async () => {
    const banner = page.getByRole('complementary', { name: 'Traffic Light Protocol' });
    await expect
      .poll(() => banner.innerText())
      .toMatch(
        /^TLP:AMBER\s+Limited disclosure, recipients can only spread this on a need-to-know basis within their organization and its clients\.$/,
      );
    const colours = await banner.evaluate((element) => ({
      background: getComputedStyle(element).backgroundColor,
      label: getComputedStyle(element.querySelector('strong')!).color,
    }));
    expect(colours).toEqual({ background: 'rgb(0, 0, 0)', label: 'rgb(255, 192, 0)' });
    const details = page.getByRole('region', { name: 'Details' });
    expect(await details.innerText()).toContain('Malaysia');
    const indicators = page.getByRole('region', { name: 'Indicators', exact: true });
    await expect.poll(() => indicators.getByRole('listitem').count()).toBe(2);
    expect(await indicators.innerText()).toContain('203.0.113.7');
    await page
      .getByRole('region', { name: 'Advisories naming its indicators' })
      .getByText('No advisory names these indicators.')
      .waitFor();
    // An advisory naming one of its indicators (as `Incident.advisories` finds it) appears on reload.
    const advisoryTitle = `Advisory naming 203.0.113.7 ${randomUUID().slice(0, 8)}`;
    const published = await graph.query(
      `mutation($i: PublishAdvisoryInput!) { publishAdvisory(input: $i) { id } }`,
      {
        i: {
          title: advisoryTitle,
          body: 'Test data.',
          severity: 'HIGH',
          tlp: 'GREEN',
          indicators: [{ type: 'IPV4', value: '203.0.113.7' }],
        },
      },
      await graph.token('th-thaicert', [Role.Member]),
    );
    expect(published.errors).toBeUndefined();
    await page.reload();
    await page
      .getByRole('region', { name: 'Advisories naming its indicators' })
      .getByText(advisoryTitle)
      .waitFor();
  });

  it('posts an update, changes the status and shares the incident with an organization and a sharing group', async () => {
    const update = page.getByRole('form', { name: 'Post an update' });
    await update.getByRole('button', { name: 'Post update' }).click();
    // An empty update: BAD_USER_INPUT at input.body, shown at the field.
    await expect.poll(() => update.getByLabel('Update').getAttribute('aria-invalid')).toBe('true');
    await update.getByLabel('Update').fill('Phishing domain reported to the registrar; takedown pending.');
    await update.getByRole('button', { name: 'Post update' }).click();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Phishing domain reported to the registrar; takedown pending.').waitFor();

    const status = page.getByRole('form', { name: 'Change status' });
    await status.getByLabel('New status').selectOption('TRIAGED');
    await status.getByRole('button', { name: 'Change status' }).click();
    await timeline.getByText('Status Reported → Triaged').waitFor();
    await expect
      .poll(() => page.getByRole('form', { name: 'Change status' }).getByLabel('New status').inputValue())
      .toBe('IN_PROGRESS');

    const share = page.getByRole('form', { name: 'Share' });
    await share.locator('option[value="sg-singcert"]').waitFor({ state: 'attached' });
    await share.getByLabel('Organization to share with').selectOption('sg-singcert');
    // The originator may add its sharing groups.
    await share
      .getByRole('listbox', { name: 'Sharing groups to share with' })
      .selectOption({ label: `${groupName} · Malaysia Computer Emergency Response Team` });
    await share.getByRole('button', { name: 'Share' }).click();
    await share.getByRole('status').getByText('Saved.').waitFor();
    await expect
      .poll(() => page.getByRole('region', { name: 'Details' }).innerText())
      .toMatch(/Shared with\s+Singapore Cyber Emergency Response Team/);
    await expect
      .poll(() => page.getByRole('region', { name: 'Details' }).innerText())
      .toContain(`Shared with sharing groups\n${groupName}`);
    // The group's member now reads the AMBER incident.
    const id = incidentUrl.split('/').pop()!;
    const thaicert = await graph.token('th-thaicert', [Role.Member]);
    const read = await graph.query<{ incident: { id: string } | null }>(
      `query($id: ID!) { incident(id: $id) { id } }`,
      { id },
      thaicert,
    );
    expect(read.data?.incident?.id).toBe(id);
  });

  it('turns the API’s CONFLICT into a clear message when someone else changed the incident', async () => {
    const id = incidentUrl.split('/').pop()!;
    const admin = await graph.token('my-mycert', [Role.OrgAdmin]);
    const changed = await graph.query(
      `mutation($id: ID!) { changeIncidentStatus(input: { id: $id, expectedVersion: ${await versionOf(id, admin)}, status: IN_PROGRESS }) { status } }`,
      { id },
      admin,
    );
    expect(changed.errors).toBeUndefined();
    // The page still holds the version it read: its change is refused with CONFLICT.
    const status = page.getByRole('form', { name: 'Change status' });
    await status.getByRole('button', { name: 'Change status' }).click();
    await status
      .getByRole('alert')
      .getByText(/^Someone changed this meanwhile: reload the page and try again\./)
      .waitFor();
  });

  it('requests assistance: the API’s refusal of no kind of help at its field, then the request', async () => {
    await page.reload();
    const form = page.getByRole('form', { name: 'Request assistance' });
    await form.locator('option[value="th-thaicert"]').waitFor({ state: 'attached' });
    await form.getByLabel('Organization to ask').selectOption('th-thaicert');
    await form
      .getByLabel('What is needed')
      .fill('Please preserve logs of the phishing host in your constituency.');
    await form.getByRole('button', { name: 'Request assistance' }).click();
    await form.getByText(/^Check this field: Say what help is asked for\.$/).waitFor();
    await form.getByLabel('Log preservation').check();
    await form.getByRole('button', { name: 'Request assistance' }).click();
    const assistance = page.getByRole('region', { name: 'Assistance requests' });
    await assistance.getByText(/asked ThaiCERT|asked .*Thailand/).waitFor();
    await page.getByRole('link', { name: 'Situation' }).click();
    const waiting = page.getByRole('region', { name: WAITING });
    await waiting.getByRole('link', { name: title }).waitFor();
    await expectNoSeriousViolations(page);
    await page.goto(incidentUrl);
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await expectNoSeriousViolations(page);
    await screenshots(page, 'incident');
  });

  it('lets the organization asked see the request waiting on its situation page and answer it', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await devSignIn(page, graph.baseUrl, 'th-thaicert', 'MEMBER');
    const waiting = page.getByRole('region', { name: WAITING });
    await waiting.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    // ThaiCERT is not the reporter: it may answer, not change the incident.
    expect(await page.getByRole('form', { name: 'Change status' }).count()).toBe(0);
    const answer = page.getByRole('form', { name: 'Answer' });
    await answer.getByLabel('Your answer').selectOption('ACCEPTED');
    await answer.getByLabel('Note (optional)').fill('Logs preserved for 90 days.');
    await answer.getByRole('button', { name: 'Send answer' }).click();
    await page
      .getByRole('region', { name: 'Assistance requests' })
      .getByText('Response: Logs preserved for 90 days.')
      .waitFor();
    await page.getByRole('link', { name: 'Situation' }).click();
    await page
      .getByRole('region', { name: WAITING })
      .getByText('No assistance request is waiting for an answer.')
      .first()
      .waitFor();
  });

  it('tells anonymous visitors the AMBER incident is not visible, and shows it in 中文 when signed in', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto(incidentUrl);
    await page.getByText('This incident does not exist or is not visible to you.').waitFor();
    await expectNoSeriousViolations(page);

    await devSignIn(page, graph.baseUrl, 'my-mycert', 'MEMBER');
    await page.goto(incidentUrl);
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '时间线', level: 2 }).waitFor();
    // TLP labels stay as TLP 2.0 writes them; the rule is translated.
    const banner = page.getByRole('complementary', { name: '信息共享红绿灯协议（TLP）' });
    expect(await banner.innerText()).toMatch(/^TLP:AMBER\s+有限披露/);
    await expectNoSeriousViolations(page);
    await screenshots(page, 'incident-zh');
    await page.getByRole('button', { name: 'English' }).click();
  });
});

async function versionOf(id: string, token: string): Promise<number> {
  const response = await graph.query<{ incident: { version: number } }>(
    'query($id: ID!) { incident(id: $id) { version } }',
    { id },
    token,
  );
  return response.data!.incident.version;
}
