import type { AipolicyContext } from '../context.ts';
import type { FrameworkRow } from '../rows.ts';

export const GovernanceFramework = {
  source: (framework: FrameworkRow) => ({ title: framework.sourceTitle, url: framework.sourceUrl }),
  principles: (framework: FrameworkRow, _: unknown, { loaders }: AipolicyContext) =>
    loaders.principlesByFramework.load(framework.slug),
};
