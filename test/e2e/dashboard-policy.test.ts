import { describe, expect, it } from 'vitest';
import { expectNoSeriousViolations, screenshots } from './dashboard-helpers.ts';
import { graph, page, useDashboardPage } from './dashboard-page.ts';

/**
 * The AI-policy and data-flows pages in Debian's Chromium, as an anonymous visitor (both are
 * public): the alignment heatmap used with the keyboard, the standards crosswalk, a country's
 * profile, the transfer checker's answer compared with the API's own, and the MCC ↔ Standard
 * Contract comparison; axe-core and screenshots at both widths, in English and 中文.
 */
useDashboardPage();

interface Matrix {
  alignmentMatrix: {
    topic: { name: string };
    entries: {
      country: { name: string };
      stance: string;
      position: { statedOn: string; source: { title: string } } | null;
    }[];
  }[];
}

describe('the AI-policy and data-flows pages', { timeout: 120_000 }, () => {
  it('shows the alignment matrix as a heatmap whose cells give stance, source and date on focus', async () => {
    const api = await graph.query<Matrix>(
      '{ alignmentMatrix { topic { name } entries { country { name } stance position { statedOn source { title } } } } }',
    );
    const stated = api.data!.alignmentMatrix.flatMap((row) =>
      row.entries.filter((e) => e.position).map((e) => ({ topic: row.topic.name, ...e })),
    );
    expect(stated.length).toBeGreaterThan(0);

    await page.goto(new URL('/dashboard/', graph.baseUrl).toString());
    await page.getByRole('link', { name: 'AI policy' }).click();
    const matrix = page.getByRole('region', { name: 'Alignment matrix' });
    const table = matrix.getByRole('table');
    await table.waitFor();
    expect(await table.getByRole('columnheader').count()).toBe(api.data!.alignmentMatrix.length + 1);

    // With the keyboard: the scrolling box takes focus, Tab goes to the first stated cell.
    await matrix.locator('.heatmap-scroll').focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate('document.activeElement.getAttribute("aria-label")');
    expect(focused).toMatch(/^.+, .+: .+$/);
    const detail = matrix.locator('#matrix-detail');
    await expect.poll(() => detail.innerText()).toMatch(/Stated .+ · Source: /);
    // What the panel says is the API's position for that cell.
    const [country, rest] = String(focused).split(', ');
    const topic = rest!.split(': ')[0];
    const cell = stated.find((s) => s.country.name === country && s.topic === topic)!;
    expect(cell, String(focused)).toBeDefined();
    expect(await detail.innerText()).toContain(cell.position!.source.title);
    await expectNoSeriousViolations(page);
  });

  it('shows the standards crosswalk between two frameworks', async () => {
    const crosswalk = page.getByRole('region', { name: 'Standards crosswalk' });
    await crosswalk.getByLabel('From framework').selectOption('ASEAN_GUIDE');
    await crosswalk.getByLabel('To framework').selectOption('ISO_IEC_42001');
    const api = await graph.query<{ crosswalk: unknown[] }>(
      '{ crosswalk(from: "ASEAN_GUIDE", to: "ISO_IEC_42001") { id } }',
    );
    expect(api.data!.crosswalk.length).toBeGreaterThan(0);
    await expect.poll(() => crosswalk.locator('tbody tr').count()).toBe(api.data!.crosswalk.length);
    await expectNoSeriousViolations(page);
    await screenshots(page, 'ai-policy');
  });

  it('shows a country’s data-flow profile with its sources', async () => {
    await page.getByRole('link', { name: 'Data flows' }).click();
    const profiles = page.getByRole('region', { name: 'Country policy profiles' });
    await profiles.getByLabel('Country').selectOption('CN');
    const profile = profiles.getByRole('article', { name: 'China' });
    await profile.waitFor();
    expect(await profile.getByRole('link', { name: /^Source: / }).count()).toBeGreaterThan(0);
  });

  it('answers the transfer checker with the API’s obligations, coverage and unknowns', async () => {
    const api = await graph.query<{
      transferRequirements: { coverage: string; obligations: { summary: string }[]; unknowns: string[] };
    }>(
      '{ transferRequirements(from: "CN", to: "MY", subjects: 150000, sensitive: false, asOf: "2026-06-01") { coverage obligations { summary } unknowns } }',
    );
    const expected = api.data!.transferRequirements;
    const checker = page.getByRole('region', { name: 'Transfer-requirements checker' });
    await checker.getByLabel('From').selectOption('CN');
    await checker.getByLabel('To').selectOption('MY');
    await checker.getByLabel('Number of people').fill('150000');
    await checker.getByLabel('Date of the transfer').fill('2026-06-01');
    await checker.getByRole('button', { name: 'Check requirements' }).click();
    const answer = checker.getByRole('article', { name: 'What applies to this transfer' });
    await answer.waitFor();
    expect(await answer.getByRole('status').innerText()).toContain(
      `Coverage: ${expected.coverage.toLowerCase()}`,
    );
    const text = await answer.innerText();
    for (const obligation of expected.obligations) expect(text).toContain(obligation.summary);
    for (const unknown of expected.unknowns) expect(text).toContain(unknown);
    expect(await answer.getByRole('link', { name: /^Source: / }).count()).toBeGreaterThan(0);
    await expectNoSeriousViolations(page);
  });

  it('compares the ASEAN MCC with China’s Standard Contract clause by clause', async () => {
    const api = await graph.query<{ mechanismComparison: { rows: unknown[] } }>(
      '{ mechanismComparison(a: ASEAN_MCC_C2C, b: CN_STANDARD_CONTRACT) { rows { id } } }',
    );
    const comparison = page.getByRole('region', {
      name: 'ASEAN Model Contractual Clauses ↔ China’s Standard Contract',
    });
    await expect
      .poll(() => comparison.locator('tbody tr').count())
      .toBe(api.data!.mechanismComparison.rows.length);
    await comparison.getByLabel('Module').selectOption('GENERAL');
    await expect
      .poll(() => comparison.locator('tbody tr small').allInnerTexts())
      .not.toContain('Controller to controller');
    await expectNoSeriousViolations(page);
    await screenshots(page, 'data-flows');
  });

  it('shows both pages in 中文', async () => {
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '数据流动', level: 1 }).waitFor();
    await expectNoSeriousViolations(page);
    await screenshots(page, 'data-flows-zh');
    await page.getByRole('link', { name: '人工智能政策' }).click();
    await page.getByRole('region', { name: '立场一致性矩阵' }).getByRole('table').waitFor();
    await expectNoSeriousViolations(page);
    await screenshots(page, 'ai-policy-zh');
    await page.getByRole('button', { name: 'English' }).click();
  });
});
