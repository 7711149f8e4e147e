import type { AipolicyContext } from '../context.ts';
import type { PrincipleRow } from '../rows.ts';

export const Principle = {
  framework: (principle: PrincipleRow, _: unknown, { loaders }: AipolicyContext) =>
    loaders.frameworkBySlug.load(principle.frameworkSlug),
  source: (principle: PrincipleRow) => ({ title: principle.sourceTitle, url: principle.sourceUrl }),
};
