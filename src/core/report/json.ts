import { ReportedEvaluation, ReportOverview } from './report';

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
};
