import type { ReportedFinding } from './changes-since';
import { ReportedEvaluation, ReportOverview } from './report';

/** Where the tail's two lists of changes begin, each as the tail renders it empty. */
const CHANGE_LISTS = ['\n    "newly_non_compliant": []', '\n    "newly_fixed": []'] as const;

/**
 * The JSON report in pieces, for a reporter that writes its evaluations as it reads them: the
 * timestamp, then the evaluations one by one, then the figures only known at the end. The pieces
 * joined are `JSON.stringify(report, null, 2)` of the report with its keys in that order: the same
 * document as {@link REPORT_FORMATS}' JSON to a JSON reader, its keys in another order.
 */
export const jsonReport = {
  head(reportTimestamp: string): string {
    return `{\n  "report_timestamp": ${JSON.stringify(reportTimestamp)},\n  "evaluations": [`;
  },

  /** One evaluation of the list; `first` for the first one. */
  evaluation(evaluation: ReportedEvaluation, first: boolean): string {
    // Written key by key, as JSON.stringify(evaluation, null, 2) indents a flat object (every
    // value of an evaluation is a string), without a second pass to indent it.
    let text = first ? '\n    {' : ',\n    {';
    let separator = '\n      ';
    for (const [key, value] of Object.entries(evaluation)) {
      if (value !== undefined) {
        text += `${separator}${JSON.stringify(key)}: ${JSON.stringify(value)}`;
        separator = ',\n      ';
      }
    }
    return `${text}\n    }`;
  },

  /** The end of the list and the figures after it; `empty` when the list had no evaluation. */
  tail(overview: Omit<ReportOverview, 'report_timestamp'>, empty: boolean): string {
    return `${empty ? '' : '\n  '}],\n${JSON.stringify(overview, null, 2).slice(2)}\n`;
  },

  /**
   * The tail of an overview whose lists of changes are written apart, cut where they go: the text
   * before `newly_non_compliant`'s list, between it and `newly_fixed`'s, and after. Each list is
   * written `[`, its {@link changedFinding}s, {@link CHANGE_LIST_CLOSE}; or `[]` when empty.
   */
  tailAroundChanges(overview: Omit<ReportOverview, 'report_timestamp'>, empty: boolean): [string, string, string] {
    const changes = { ...overview.changes_since_previous, newly_non_compliant: [], newly_fixed: [] };
    const text = jsonReport.tail({ ...overview, changes_since_previous: changes }, empty);
    // Found with their indentation and line break: no string of the tail holds a raw line break.
    const [first, second] = CHANGE_LISTS.map((list) => text.indexOf(list) + list.length - '[]'.length);
    return [text.slice(0, first), text.slice(first + 2, second), text.slice(second + 2)];
  },

  /** One finding of a list of changes, indented as the tail indents it; `first` for the list's first. */
  changedFinding({ configRuleName, resourceType, resourceId }: ReportedFinding, first: boolean): string {
    const fields = [['configRuleName', configRuleName], ['resourceType', resourceType], ['resourceId', resourceId]];
    return `${first ? '\n' : ',\n'}      {${fields.map(([key, value]) => `\n        ${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(',')}\n      }`;
  },
};

/** What closes a non-empty list of changes written with {@link jsonReport.changedFinding}. */
export const CHANGE_LIST_CLOSE = '\n    ]';
