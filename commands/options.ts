// Options shared by several /nmi subcommands, and reading them back.
import type { APIApplicationCommandBasicOption } from 'discord.js';
import type { CommandInput, OptionValue } from '../src/discord/types.js';

export const languageOption = {
  type: 3,
  name: 'language',
  name_localizations: { da: 'sprog' },
  description: 'Answer language (default: your Discord language)',
  description_localizations: { da: 'Svarets sprog (standard: dit Discord-sprog)' },
  required: false,
  choices: [
    { name: 'Dansk', name_localizations: { da: 'Dansk' }, value: 'da' },
    { name: 'English', name_localizations: { da: 'Engelsk' }, value: 'en' },
  ],
} as const satisfies APIApplicationCommandBasicOption;

export const privateOption = {
  type: 5,
  name: 'private',
  name_localizations: { da: 'privat' },
  description: 'Show the answer to you only',
  description_localizations: { da: 'Vis kun svaret for dig' },
  required: false,
} as const satisfies APIApplicationCommandBasicOption;

export const stringOpt = (o: Readonly<Record<string, OptionValue>>, name: string): string | undefined => {
  const v = o[name];
  return typeof v === 'string' ? v : undefined;
};

export const boolOpt = (o: Readonly<Record<string, OptionValue>>, name: string): boolean | undefined => {
  const v = o[name];
  return typeof v === 'boolean' ? v : undefined;
};

export const isPrivate = (input: CommandInput): boolean => boolOpt(input.options, 'private') ?? false;
