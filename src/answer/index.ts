export { type AnswerOptions, answerQuestion, prepareAnswers, understandQuestion } from './answer-question.ts';
export { exportAll, toCsv, toXlsx } from './export-table.ts';
export { describeMetric, type MetricInfo } from './figures.ts';
export { FOLLOW_UP_MS, FollowUpMemory, isFollowUpAnchor } from './follow-up.ts';
export { INTENTS, type IntentModule } from './intents/index.ts';
export { MESSAGES_EN } from './messages-en.ts';
export { MESSAGES_ZH } from './messages-zh.ts';
export { answerOverlong, MAX_QUESTION_CHARS } from './overlong.ts';
export { RULE_MESSAGES_EN, warningText } from './rule-messages-en.ts';
export type {
  Answer,
  AnswerFigure,
  ChartSpec,
  ClarifyChoice,
  DerivedFigure,
  ExportTable,
  FigureSource,
  Intent,
} from './types.ts';
