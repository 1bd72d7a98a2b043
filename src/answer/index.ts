export { type AnswerOptions, answerQuestion, prepareAnswers } from './answer-question.ts';
export { describeMetric, type MetricInfo } from './figures.ts';
export { MESSAGES_EN } from './messages-en.ts';
export { MESSAGES_ZH } from './messages-zh.ts';
export type { Answer, AnswerFigure, ChartSpec, ClarifyChoice, FigureSource, Intent } from './types.ts';
