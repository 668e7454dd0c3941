// period.ended-open: a quarter the fiscal calendar says is over, with goals that still have open
// milestones. Only on a page that marks its items done (stamps, ticked boxes, done emoji,
// strikes): an OKR log that scores its key results instead keeps its history, and a scored item
// (`=> 78%`, `Grade: .7`) is progress recorded, not open work. Completed-goals pages are left
// alone (what is filed there is finished by choice), and so is a page that is one quarter's own
// (`# FY21-Q1 OKRs`): it is that quarter's record.
import type { GoalDoc } from '../model/types';
import { type CalendarSettings, periodEndDate, periodHasEnded } from '../model/periods';
import { quarterNumbers } from '../model/periodLayout';
import { openWork } from '../model/progress';
import { houseStyle } from '../model/done';
import { isCompletedPage } from '../model/completedPage';
import { type Finding, quote } from './finding';
import { defineRule } from './rule';

export const periodEndedOpen = defineRule({
  code: 'period.ended-open',
  severity: 'information',
  meaning: 'A goal with open milestones in a quarter that has ended by the fiscal calendar (`goalDocs.fiscalYearStartMonth`).',
  details: "Only on a page that marks items done (a stamp, a ticked box, a done emoji, a strike); a scored item (`=> 78%`, `Grade: .7`) is progress, not open work. Completed-goals pages are not checked, nor a page that is one quarter's own (`# FY21-Q1 OKRs`).",
  fixes: {
    moveToCompleted: '*Move goal to the completed page*',
    carryOver: '*Carry the goal over to FY-21-Q3* (the current quarter)',
    descope: '*Descope the 2 open milestones*',
  },
  data: { slug: 'string', quarter: 'string', open: 'number' },
});

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function day(date: Date): string {
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

export function lifecycleFindings(doc: GoalDoc, settings: CalendarSettings, today: Date): Array<Finding<typeof periodEndedOpen>> {
  if (doc.quarters.length === 0 || isCompletedPage(doc) || !houseStyle(doc).marksDone) return [];
  const findings: Array<Finding<typeof periodEndedOpen>> = [];
  for (const quarter of doc.quarters) {
    const numbers = quarterNumbers(quarter);
    if (!numbers || !periodHasEnded(numbers, settings, today)) continue;
    if (quarter.heading.level === 1 && quarter.heading.index === 0) continue;
    // Said once per quarter: a page of stale quarters has hundreds of these, rebuilt per keystroke.
    let ended: string | undefined;
    for (const goal of quarter.goals) {
      if (goal.isInclude) continue;
      const open = openWork(doc, goal).length;
      if (open === 0) continue;
      ended ??= `Quarter ${quote(quarter.heading.text)} ended on ${day(periodEndDate(numbers, settings))}, and its goal `;
      findings.push({
        code: 'period.ended-open',
        range: goal.heading.textRange,
        message: `${ended}${quote(goal.heading.text)} still has ${open} open milestone${open === 1 ? '' : 's'}: move it to the completed page, carry it over or descope what is left`,
        data: { slug: goal.heading.slug, quarter: quarter.heading.slug, open },
      });
    }
  }
  return findings;
}
