import type { NluContext, Reading } from '../../nlu/index.ts';
import { buildAnswer } from '../_reply.ts';
import type { IntentModule } from './_intent.ts';

function answerClarify(input: Parameters<IntentModule['answer']>[0]) {
  const { query, m } = input;
  const choices = query.choices ?? [];
  const typed = query.agencies.length === 0 && choices.length > 0 && query.metric === null;
  const head = typed ? m.clarifyAgency(choices.map((c) => c.label).join(m.joiner)) : m.clarifyWhich;
  return buildAnswer(input, [head, ...choices.map((c, i) => `${i + 1}. ${c.label}`)], [], [], { choices });
}

/** A name that fits several agencies equally (朝阳): offer each as a ready-made question. */
export const clarifyAgency: IntentModule = {
  id: 'clarify',
  match: (r) => r.ambiguous !== undefined && r.agencies.length === 0,
  choices: (r: Reading, ctx: NluContext) => {
    const { typed, keys } = r.ambiguous!;
    return keys.map((k) => {
      const name = ctx.agencies.get(k)?.name ?? k;
      return { label: name, question: r.norm.replace(typed, name) };
    });
  },
  answer: answerClarify,
};

/** A figure asked without an agency (行政处罚多少): a few agencies to pick, each as a full question. */
export const clarifyMetric: IntentModule = {
  id: 'clarify',
  match: (r) => r.metric !== null && r.agencies.length === 0 && !r.soleAgency,
  choices: (r: Reading, ctx: NluContext) => {
    const out: { label: string; question: string }[] = [];
    for (const info of ctx.agencies.values()) {
      out.push({ label: info.name, question: `${info.name}${r.norm}` });
      if (out.length === 5) break;
    }
    return out;
  },
  answer: answerClarify,
};
