// What a team declares of its pages (goalDocs.fields, goalDocs.periods): read by the parse, and
// part of its inputs, so that a model is of one text in one dialect.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { computeDiagnostics } from '../../server/src/diagnostics/index';
import { buildGoalDoc } from '../../server/src/model/build';
import { ModelCache } from '../../server/src/model/cache';
import { compileDialect, DEFAULT_DIALECT } from '../../server/src/model/dialect';
import { goalDocVerdict } from '../../server/src/model/goalDocRule';
import { compilePeriodTemplate, readDeclaredPeriod, readPeriodHeading } from '../../server/src/model/periods';
import { defaultSettings } from '../../server/src/settings/schema';
import { dedent } from '../support/fixture';

const URI = 'file:///ws/team/plan.md';
/** A day no period of the fixtures has ended by (period.ended-open reads the calendar). */
const JANUARY_2024 = new Date(2024, 0, 15);

const POINT_OF_CONTACT = dedent(`
  # Platform plan

  ## FY-24-Q1

  ### Faster builds

  - **Owner**: Ann
  - **Milestones**:
    - Cache the toolchain

  ### Fewer flaky tests

  - **Point of contact**: Bo
  - **Deliverables**:
    - Quarantine the flaky suite
`);

const SPRINTS = dedent(`
  # Team goals

  ## Sprint 2024-2

  ### Ship the importer

  - **Owner**: Ann
  - **Status**: In progress

  ## Sprint 2024-1: Foundations

  ### Set up CI

  - **Owner**: Bo
`);

describe('a team dialect', () => {
  it('reads a field by the names the team declares, before the built-in ones', () => {
    const plain = buildGoalDoc(POINT_OF_CONTACT, { uri: URI, version: 1 });
    const goal = (doc: typeof plain) => doc.goals.find((g) => g.heading.text === 'Fewer flaky tests')!;
    assert.deepEqual(goal(plain).owners, []);
    assert.deepEqual(
      computeDiagnostics(plain, defaultSettings(), undefined, undefined, JANUARY_2024).map((d) => d.code),
      ['goal.owner-missing'],
    );
    const dialect = compileDialect({ fields: { owner: ['Point of contact'], milestones: ['deliverables'] }, periods: [] });
    const declared = buildGoalDoc(POINT_OF_CONTACT, { uri: URI, version: 1, dialect });
    assert.deepEqual(goal(declared).owners, ['Bo']);
    assert.deepEqual(goal(declared).fields.map((f) => [f.name, f.label]), [['owner', 'Point of contact'], ['milestones', 'Deliverables']]);
    assert.deepEqual(computeDiagnostics(declared, defaultSettings(), undefined, undefined, JANUARY_2024), []);
  });

  it('reads period headings by the templates the team declares, with words after them', () => {
    const plain = buildGoalDoc(SPRINTS, { uri: URI, version: 1 });
    assert.deepEqual(plain.quarters, []);
    const dialect = compileDialect({ fields: {}, periods: ['Sprint {year}-{half}'] });
    const doc = buildGoalDoc(SPRINTS, { uri: URI, version: 1, dialect });
    assert.deepEqual(
      doc.quarters.map((q) => [q.heading.text, q.label.kind, q.label.year, q.label.number, q.goals.map((g) => g.heading.text)]),
      [
        ['Sprint 2024-2', 'half', 2024, 2, ['Ship the importer']],
        ['Sprint 2024-1: Foundations', 'half', 2024, 1, ['Set up CI']],
      ],
    );
    // The page's own order holds: newest first.
    assert.deepEqual(computeDiagnostics(doc, defaultSettings(), undefined, undefined, JANUARY_2024).map((d) => d.code), []);
  });

  it('compiles a template to a matcher of its words, a year, a quarter or a half, and nothing else', () => {
    const fiscal = compilePeriodTemplate('FY{year} Cycle {quarter}')!;
    assert.deepEqual(readDeclaredPeriod('FY24 Cycle 3 — Scale', [fiscal]), { kind: 'quarter', scheme: 'FY', year: 2024, number: 3, shape: 'FYYY Cycle 3' });
    assert.equal(readDeclaredPeriod('FY24 Cycle 5', [fiscal]), undefined, 'a fifth quarter is none');
    assert.equal(readDeclaredPeriod('FY24 Cycle 3rd', [fiscal]), undefined, 'the template ends at a word boundary');
    const plain = compilePeriodTemplate('{year} (review)')!;
    assert.deepEqual(readDeclaredPeriod('2023 (Review)', [plain]), { kind: 'year', scheme: 'plain', year: 2023, number: 0, shape: 'YYYY (Review)' }, 'its characters are literal, case ignored');
    assert.equal(readDeclaredPeriod('2023 Xreview)', [plain]), undefined, 'a parenthesis is no pattern');
    assert.equal(readDeclaredPeriod('23 (review)', [plain]), undefined, 'two digits are a year only after FY or CY');
    for (const bad of ['Sprint', 'Sprint {month}', '{year}-{quarter}-{half}', '{year} {year}', `${'x'.repeat(60)}{year}`]) assert.equal(compilePeriodTemplate(bad), undefined, bad);
    // A template takes precedence over the built-in reading of the same heading.
    assert.deepEqual(readPeriodHeading('2024 Q1 Cycle 2', [compilePeriodTemplate('{year} Q1 Cycle {half}')!]), { label: { kind: 'half', scheme: 'plain', year: 2024, number: 2, shape: 'YYYY Qn Cycle 2' }, role: 'label' });
  });

  it('reads a heading in time linear in its length, whatever the templates', () => {
    const templates = ['Sprint {year}-{half}', '{year} Cycle {quarter}', 'A a a a a a a a a a a a a {year}'].map((t) => compilePeriodTemplate(t)!);
    for (const text of ['Sprint '.repeat(20_000), `${'a '.repeat(50_000)}!`, `2024 ${'Cycle '.repeat(20_000)}`]) {
      const started = performance.now();
      readDeclaredPeriod(text, templates);
      // About 0.4 ms; a backtracking pattern takes seconds. The bound leaves room for a descheduled process.
      assert.ok(performance.now() - started < 500, `${text.slice(0, 20)}… took ${performance.now() - started} ms`);
    }
  });

  it('counts what it declares as goal-doc evidence of a page', () => {
    const page = dedent(`
      # Notes

      ## Sprint 2024-1

      - **Point of contact**: Bo
      - **Deliverables**:
        - The importer
    `);
    const declared = compileDialect({ fields: { owner: ['Point of contact'], milestones: ['Deliverables'] }, periods: ['Sprint {year}-{half}'] });
    const verdict = (dialect = DEFAULT_DIALECT) => goalDocVerdict('notes.md', buildGoalDoc(page, { uri: URI, version: 1, dialect }), { files: [], exclude: [], dialect });
    assert.equal(verdict().goalDoc, false);
    assert.equal(verdict(declared).goalDoc, true, JSON.stringify(verdict(declared).evidence));
  });

  it('is part of the parse cache key: the same version read in another dialect is parsed again', () => {
    const cache = new ModelCache();
    const dialect = compileDialect({ fields: { owner: ['Point of contact'] }, periods: [] });
    const plain = cache.get(URI, 1, () => POINT_OF_CONTACT);
    assert.equal(cache.get(URI, 1, () => POINT_OF_CONTACT), plain, 'the same version and dialect: the same model');
    const declared = cache.get(URI, 1, () => POINT_OF_CONTACT, dialect);
    assert.notEqual(declared, plain);
    assert.deepEqual(declared.goals[1]!.owners, ['Bo']);
    assert.equal(cache.get(URI, 1, () => POINT_OF_CONTACT, compileDialect({ fields: { owner: ['Point of contact'] }, periods: [] })), declared, 'an equal declaration is the same dialect');
  });
});
