// Every rule, registered once. A new rule is declared beside its findings (defineRule, rule.ts),
// registered here, and reported by its family's findings (index.ts). From this list come the
// settings' defaults and validation, package.json's `goalDocs.rules`, the config file's schema,
// README's tables (`npm run rules:write`), the SARIF log's rules, and the code-action map, which
// the type checker holds to each rule's declared fixes (codeActions/index.ts).
import { anchorRules } from './anchors';
import { periodRules } from './periods';
import { periodEndedOpen } from './lifecycle';
import { goalRules } from './goals';
import { milestoneRules } from './milestones';
import { textMojibake } from './text';
import { fileLinkRules } from './fileLinks';
import { type DataOf, type FindingOf, readRuleData, type RuleSeverity } from './rule';

/** In the order README's table lists them. */
export const RULE_LIST = [...anchorRules, ...periodRules, periodEndedOpen, ...goalRules, ...milestoneRules, textMojibake, ...fileLinkRules] as const;

export type Rule = (typeof RULE_LIST)[number];
export type RuleCode = Rule['code'];
export type RuleOf<C extends RuleCode> = Extract<Rule, { code: C }>;
/** A finding of any registered rule. */
export type RuleFinding = FindingOf<Rule>;
/** The data a finding of the rule `C` carries. */
export type RuleData<C extends RuleCode> = DataOf<RuleOf<C>['data']>;
/** The ids of the quick fixes the rule `C` declares. */
export type FixIdOf<C extends RuleCode> = keyof RuleOf<C>['fixes'] & string;
/** The codes of the rules that declare a quick fix. */
export type FixableCode = { [C in RuleCode]: [FixIdOf<C>] extends [never] ? never : C }[RuleCode];

export const RULES = Object.fromEntries(RULE_LIST.map((r) => [r.code, r])) as { readonly [C in RuleCode]: RuleOf<C> };
export const RULE_CODES: readonly RuleCode[] = RULE_LIST.map((r) => r.code);

/** Codes that earlier versions had, and what became of them: a setting that names one is told so. */
export const RETIRED_RULES: Readonly<Record<string, string>> = {
  'toc.stale-entry': 'is now reported as anchor.missing (a TOC link that reaches no heading is a dead link)',
};

export function isRuleCode(code: unknown): code is RuleCode {
  return typeof code === 'string' && Object.hasOwn(RULES, code);
}

/**
 * The rule and data of one of our diagnostics as the editor sends it back (its data holds the code
 * beside the rule's own data): undefined for another tool's, or data that no longer reads as its
 * rule declares.
 */
export function ruleDataOf(rawData: unknown): CodeAndData | undefined {
  const code = typeof rawData === 'object' && rawData !== null ? (rawData as { code?: unknown }).code : undefined;
  if (!isRuleCode(code)) return undefined;
  const data = readRuleData(RULES[code].data, rawData);
  return data && ({ code, data } as CodeAndData);
}

/** A rule's code with its data, the one read as the other declares. */
export type CodeAndData = { [C in RuleCode]: { code: C; data: RuleData<C> } }[RuleCode];
