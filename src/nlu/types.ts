/** What a question asks for; the answer layer registers one module per intent (answer/intents). */
export type Intent =
  | 'lookup'
  | 'compare'
  | 'rank'
  | 'trend'
  | 'derived'
  | 'region'
  | 'check'
  | 'check_rank'
  | 'meta'
  | 'section'
  | 'prose'
  | 'unheld'
  | 'list'
  | 'count'
  | 'help'
  | 'clarify'
  | 'unknown';

export interface ClarifyChoice {
  /** Button text. */
  label: string;
  /** The question to answer when this choice is picked. */
  question: string;
}

/** Which reporting years a question is about. */
export type YearSpec =
  | { kind: 'none' }
  | { kind: 'latest' }
  | { kind: 'year'; year: number }
  | { kind: 'range'; from: number; to: number }
  | { kind: 'all' };

/** Something the matcher assumed and the reply should say. */
export type Assumption =
  | { kind: 'typo'; typed: string; meant: string }
  /** A name matched a government and its departments; the government was chosen. */
  | { kind: 'preferred'; chosen: string; others: string[] }
  /** 今年/去年/前年 read against today's date. */
  | { kind: 'relative_year'; word: string; year: number }
  /** A place was named whose government has no report; its office/department answers instead. */
  | { kind: 'office'; typed: string; chosen: string }
  /** The question continues an earlier one (那乙县呢): what was carried over. */
  | { kind: 'follow_up'; carried: string[] };

/** Report facts that are not table cells. */
export type MetaField = 'signed' | 'published' | 'period' | 'url';

/** The parts of a report that are prose (二–四 are its tables). */
export type SectionKey = '一' | '五' | '六';

/** Arithmetic over figures: differences, ratios, rates, year-on-year, totals and averages. */
export type DerivedKind = 'diff' | 'ratio' | 'share' | 'rate' | 'yoy' | 'total' | 'average';

/** A division named in the question (province, city or county). */
export interface PlaceRef {
  name: string;
  code: string;
  level: 'province' | 'city' | 'county';
}

export interface Query {
  intent: Intent;
  lang: 'zh' | 'en';
  /** Agency keys (see store `agencyKey`), in the order mentioned. */
  agencies: string[];
  years: YearSpec;
  /** Field id or derived id, null when none was named. */
  metric: string | null;
  /** Every metric named, when more than one (行政许可和行政处罚); `metric` is the first. */
  metrics?: string[];
  /** Rank direction: most first or least first. */
  order?: 'desc' | 'asc';
  assumptions: Assumption[];
  /** A place asked about whose agencies (not itself) have reports: 江苏 → rank or list within it. */
  region?: { name: string; code: string };
  /** Every such place, when several are compared (青海和宁夏哪个多). */
  regions?: PlaceRef[];
  /** Place names asked about that the store holds no report for. */
  missing?: string[];
  /** For clarify: the questions to choose from. */
  choices?: ClarifyChoice[];
  /** Words the question names that no report holds (GDP, 人口, 财政收入). */
  unheld?: string[];
  /** Report facts asked for (落款日期, 统计期限, 原文链接). */
  meta?: MetaField;
  /** A prose part of the report asked for (第五部分, 存在的主要问题及改进情况). */
  section?: SectionKey;
  /** A figure stated only in the prose (网站发布信息, 政策解读, 12345 热线): its topic id. */
  prose?: string;
  /** The arithmetic asked for. */
  derived?: DerivedKind;
  /** The level of body compared (哪个县 → county governments). */
  level?: 'county' | 'city' | 'dept';
  /** A consistency rule asked about by its id (N-01是什么意思): upper case, as the warnings name it. */
  rule?: string;
}
