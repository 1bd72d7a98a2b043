import type { Context } from 'grammy';
import type { MessageEntity } from 'grammy/types';

/** Entities of a text or caption message. */
function entitiesOf(ctx: Context): { text: string; entities: MessageEntity[] } {
  const msg = ctx.msg;
  return {
    text: msg?.text ?? msg?.caption ?? '',
    entities: msg?.entities ?? msg?.caption_entities ?? [],
  };
}

/** True when a message mentions the bot by @username or by a text mention. */
export function mentionsBot(ctx: Context): boolean {
  const { text, entities } = entitiesOf(ctx);
  const handle = `@${ctx.me.username}`.toLowerCase();
  return entities.some(
    (e) =>
      (e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === handle) ||
      (e.type === 'text_mention' && e.user.id === ctx.me.id),
  );
}

/** True when a message replies to one of the bot's own messages. */
export function repliesToBot(ctx: Context): boolean {
  return ctx.msg?.reply_to_message?.from?.id === ctx.me.id;
}

/** In groups the bot speaks only when addressed; in private chats always. */
export function isAddressed(ctx: Context): boolean {
  if (ctx.chat?.type === 'private') return true;
  return mentionsBot(ctx) || repliesToBot(ctx);
}

/** The message text with the bot's @username removed. */
export function stripMention(text: string, username: string): string {
  const pattern = new RegExp(`@${username.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gi');
  return text.replace(pattern, ' ').replace(/\s+/g, ' ').trim();
}
