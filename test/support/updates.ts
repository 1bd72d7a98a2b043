/** Builders for the Telegram updates the bot tests send. */
import type { MessageEntity, Update, User } from 'grammy/types';
import { BOT_USER } from './fake-bot-api.ts';

let nextMessageId = 1;
const now = () => Math.floor(Date.now() / 1000);

export function user(id: number, languageCode = 'zh-hans'): User {
  return { id, is_bot: false, first_name: `User${id}`, language_code: languageCode };
}

type UpdateBody = Omit<Update, 'update_id'>;

/** A text message in a private chat (the chat id is the user id). */
export function privateText(from: User, text: string): UpdateBody {
  return {
    message: {
      message_id: nextMessageId++,
      date: now(),
      chat: { id: from.id, type: 'private', first_name: from.first_name },
      from,
      text,
      ...commandEntities(text),
    },
  };
}

function commandEntities(text: string): { entities?: MessageEntity[] } {
  const command = text.match(/^\/\w+(@\w+)?/);
  return command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {};
}

export interface GroupOptions {
  /** Adds a mention entity for every `@username` in the text. */
  mention?: boolean;
  /** Makes the message a reply to one of the bot's messages. */
  replyToBot?: boolean;
}

/** A text message in a group chat (negative id). */
export function groupText(chatId: number, from: User, text: string, options: GroupOptions = {}): UpdateBody {
  const entities: MessageEntity[] = [...(commandEntities(text).entities ?? [])];
  if (options.mention) {
    for (const m of text.matchAll(/@\w+/g))
      entities.push({ type: 'mention', offset: m.index, length: m[0].length });
  }
  const chat = { id: chatId, type: 'supergroup' as const, title: 'Test group' };
  return {
    message: {
      message_id: nextMessageId++,
      date: now(),
      chat,
      from,
      text,
      ...(entities.length > 0 ? { entities } : {}),
      ...(options.replyToBot
        ? {
            reply_to_message: {
              message_id: 1,
              date: now(),
              chat,
              from: BOT_USER,
              text: '…',
              reply_to_message: undefined,
            },
          }
        : {}),
    },
  } as UpdateBody;
}

/** A document sent in a private chat. */
export function privateDocument(from: User, fileId: string, fileName: string, size: number): UpdateBody {
  return {
    message: {
      message_id: nextMessageId++,
      date: now(),
      chat: { id: from.id, type: 'private', first_name: from.first_name },
      from,
      document: { file_id: fileId, file_unique_id: `${fileId}-u`, file_name: fileName, file_size: size },
    },
  };
}

export function inlineQuery(from: User, query: string): UpdateBody {
  return { inline_query: { id: `iq${nextMessageId++}`, from, query, offset: '' } };
}

/** A button press on a bot message (optionally replying to the user's question). */
export function callbackQuery(from: User, data: string, chatId: number, repliedText?: string): UpdateBody {
  const chat = { id: chatId, type: 'private' as const, first_name: from.first_name };
  const replied = repliedText
    ? { reply_to_message: { message_id: nextMessageId++, date: now(), chat, from, text: repliedText } }
    : {};
  return {
    callback_query: {
      id: `cb${nextMessageId++}`,
      from,
      chat_instance: 'ci',
      data,
      message: { message_id: nextMessageId++, date: now(), chat, from: BOT_USER, text: '…', ...replied },
    },
  } as UpdateBody;
}
