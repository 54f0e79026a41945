// The pure parts of the Discord layer, called with plain data.
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.js';
import { isAdmin } from '../../src/discord/admin.js';
import { Cooldown } from '../../src/discord/cooldown.js';
import { decodeCustomId, encodeCustomId, entryIdFromValue } from '../../src/discord/custom-id.js';
import { chooseLang, formatAge, formatDate } from '../../src/discord/i18n.js';
import { fromApiInteraction } from '../../src/discord/interaction-input.js';
import { LIMITS, truncate } from '../../src/discord/limits.js';
import { Metrics } from '../../src/discord/metrics.js';
import { renderAnswer } from '../../src/discord/render.js';
import { autocomplete, clampComponents, clampEmbeds, embedsLength, errorReply, escapeUserText, reply, type ActionRow } from '../../src/discord/respond.js';
import { ConfigError, DEFAULT_API_URL, loadConfig } from '../../src/config.js';
import { autocompleteOf, button, messageMenu, slash } from './standin/interactions.js';
import { IDS } from './standin/server.js';
import { validateInteractionCallback } from './standin/validate.js';

describe('limits and truncation', () => {
  it('truncate keeps short text, cuts long text to the limit with an ellipsis', () => {
    expect(truncate('hello', 10)).toBe('hello');
    const cut = truncate('word '.repeat(100), 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut.endsWith('…')).toBe(true);
    expect(truncate('abcdef', 1)).toBe('…');
    expect(truncate('abc', 0)).toBe('');
  });

  it('never splits a surrogate pair', () => {
    const s = 'a' + '😀'.repeat(10);
    for (let n = 2; n < 20; n++) {
      const cut = truncate(s, n);
      expect(cut.length).toBeLessThanOrEqual(n);
      expect(() => encodeURIComponent(cut)).not.toThrow();
    }
  });

  it('clampEmbeds enforces per-part limits, 25 fields, 10 embeds and the 6000 total', () => {
    const big = 'x'.repeat(5000);
    const embeds = Array.from({ length: 12 }, () => ({
      title: big,
      description: big,
      footer: { text: big },
      fields: Array.from({ length: 30 }, () => ({ name: big, value: big })),
    }));
    const out = clampEmbeds(embeds);
    expect(out.length).toBeLessThanOrEqual(10);
    expect(embedsLength(out)).toBeLessThanOrEqual(6000);
    for (const e of out) {
      expect(e.title!.length).toBeLessThanOrEqual(256);
      expect(e.description!.length).toBeLessThanOrEqual(4096);
      expect(e.footer!.text.length).toBeLessThanOrEqual(2048);
      expect(e.fields?.length ?? 0).toBeLessThanOrEqual(25);
      for (const f of e.fields ?? []) {
        expect(f.name.length).toBeLessThanOrEqual(256);
        expect(f.value.length).toBeLessThanOrEqual(1024);
      }
    }
    expect(validateInteractionCallback(reply({ embeds }))).toEqual([]);
  });

  it('clampComponents keeps 5 rows of 5 buttons, short labels, valid custom ids and 25 options', () => {
    const row = (n: number): ActionRow => ({
      type: 1,
      components: Array.from({ length: n }, (_, i) => ({ type: 2, style: 2, label: 'L'.repeat(200), custom_id: `b${i}` })),
    });
    const rows = [...Array.from({ length: 7 }, () => row(8))];
    const out = clampComponents(rows);
    expect(out.length).toBe(5);
    for (const r of out) {
      expect(r.components.length).toBe(5);
      for (const c of r.components) expect((c as { label: string }).label.length).toBeLessThanOrEqual(80);
    }
    const badId = clampComponents([{ type: 1, components: [{ type: 2, style: 2, label: 'x', custom_id: 'y'.repeat(101) }] }]);
    expect(badId).toEqual([]);
    const sel = clampComponents([
      {
        type: 1,
        components: [
          {
            type: 3,
            custom_id: 's',
            max_values: 40,
            options: Array.from({ length: 40 }, (_, i) => ({ label: 'q'.repeat(150), value: `v${i}`, description: 'd'.repeat(150) })),
          },
        ],
      },
    ]);
    const menu = sel[0]!.components[0] as { options: { label: string; description: string }[]; max_values: number };
    expect(menu.options.length).toBe(25);
    expect(menu.max_values).toBe(25);
    expect(menu.options[0]!.label.length).toBeLessThanOrEqual(100);
    expect(menu.options[0]!.description.length).toBeLessThanOrEqual(100);
  });

  it('autocomplete gives at most 25 unique choices, names ≤ 100, values ≤ 100', () => {
    const body = autocomplete([
      ...Array.from({ length: 40 }, (_, i) => ({ name: 'n'.repeat(300), value: `id:e${i}` })),
      { name: 'dup', value: 'id:e0' },
      { name: 'too long', value: 'v'.repeat(101) },
    ]);
    expect(body.type).toBe(8);
    const choices = (body as { data: { choices: { name: string; value: string }[] } }).data.choices;
    expect(choices.length).toBe(LIMITS.autocompleteChoices);
    expect(new Set(choices.map((c) => c.value)).size).toBe(25);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
    expect(validateInteractionCallback(body)).toEqual([]);
  });

  it('every reply carries allowed_mentions parse [] and errors are private', () => {
    expect(reply({ content: 'hi' })).toEqual({ type: 4, data: { content: 'hi', allowed_mentions: { parse: [] } } });
    expect(reply({ content: 'hi' }, { ephemeral: true })).toMatchObject({ data: { flags: 64 } });
    expect(errorReply('oops')).toEqual({ type: 4, data: { content: 'oops', flags: 64, allowed_mentions: { parse: [] } } });
    expect((reply({ content: 'x'.repeat(3000) }) as { data: { content: string } }).data.content.length).toBeLessThanOrEqual(2000);
  });
});

describe('escaping user text', () => {
  it('escapes markdown and neutralises every kind of mention', () => {
    const out = escapeUserText('**bold** _it_ `code` @everyone @here <@123456789012345678> <@!123> <@&987654321098765432>');
    expect(out).toContain('\\*\\*bold\\*\\*');
    expect(out).toContain('\\`code\\`');
    expect(out).not.toMatch(/@everyone|@here|<@\d|<@!|<@&/);
    expect(out).toContain('@\u200beveryone');
  });
});

describe('language choice', () => {
  it('Danish for a Danish locale, English otherwise, the option wins', () => {
    expect(chooseLang('da')).toBe('da');
    expect(chooseLang('en-US')).toBe('en');
    expect(chooseLang('sv-SE')).toBe('en');
    expect(chooseLang(undefined)).toBe('en');
    expect(chooseLang('da', 'en')).toBe('en');
    expect(chooseLang('en-GB', 'da')).toBe('da');
    expect(chooseLang('da', 'fr')).toBe('da');
  });

  it('writes dates and ages in each language', () => {
    expect(formatDate('2020-03-04', 'en')).toBe('4 March 2020');
    expect(formatDate('2020-03-04', 'da')).toBe('4. marts 2020');
    const now = new Date('2025-03-04T12:00:00Z');
    expect(formatAge('2020-03-04', now, 'en')).toBe('5 years');
    expect(formatAge('2024-12-04', now, 'da')).toBe('3 måneder');
    expect(formatAge('2025-03-01', now, 'en')).toBe('3 days');
  });
});

describe('admin check', () => {
  const policy = { adminRoleIds: [IDS.adminRole], adminUserIds: [IDS.admin] };
  const member = (o: Partial<Parameters<typeof isAdmin>[0]> = {}) => ({ userId: IDS.user, guildId: IDS.guild, permissions: '0', roleIds: [], ...o });
  it('accepts Manage Server, Administrator, an admin role or an admin user', () => {
    expect(isAdmin(member({ permissions: '32' }), policy)).toBe(true);
    expect(isAdmin(member({ permissions: String(1n << 3n) }), policy)).toBe(true);
    expect(isAdmin(member({ permissions: '2147483680' }), policy)).toBe(true);
    expect(isAdmin(member({ roleIds: [IDS.adminRole] }), policy)).toBe(true);
    expect(isAdmin(member({ userId: IDS.admin }), policy)).toBe(true);
  });
  it('refuses everyone else, and everyone outside a server', () => {
    expect(isAdmin(member({ permissions: '2147483648' }), policy)).toBe(false);
    expect(isAdmin(member({ permissions: 'garbage' }), policy)).toBe(false);
    expect(isAdmin(member({ permissions: null }), policy)).toBe(false);
    expect(isAdmin(member({ guildId: null, permissions: '32', userId: IDS.admin }), policy)).toBe(false);
  });
});

describe('custom ids', () => {
  it('round-trips and rejects what it did not make', () => {
    for (const c of [
      { kind: 'answer', lang: 'da', entryId: 'who-leads' },
      { kind: 'pick', lang: 'en', page: 2 },
      { kind: 'page', lang: 'da', page: 0 },
    ] as const) {
      expect(decodeCustomId(encodeCustomId(c))).toEqual(c);
    }
    expect(decodeCustomId('nmi:a:fr:who-leads')).toBeNull();
    expect(decodeCustomId('nmi:a:en:Bad Id')).toBeNull();
    expect(decodeCustomId('other')).toBeNull();
    expect(decodeCustomId('nmi:p:en:-1')).toBeNull();
    expect(() => encodeCustomId({ kind: 'answer', lang: 'en', entryId: 'x'.repeat(100) })).toThrow();
    expect(entryIdFromValue('id:who-leads')).toBe('who-leads');
    expect(entryIdFromValue('who leads')).toBeNull();
  });
});

describe('interaction input from raw data', () => {
  it('reads a subcommand with options, locale and member', () => {
    const raw = slash('nmi', 'ask', [{ type: 3, name: 'question', value: 'q' }, { type: 5, name: 'private', value: true }], { locale: 'da', permissions: '32', roles: ['1'] });
    expect(fromApiInteraction(raw as never)).toEqual({
      kind: 'command',
      id: raw.id,
      locale: 'da',
      guildId: IDS.guild,
      member: { userId: IDS.user, guildId: IDS.guild, permissions: '32', roleIds: ['1'] },
      commandName: 'nmi',
      subcommand: 'ask',
      options: { question: 'q', private: true },
    });
  });
  it('reads autocomplete, components, the message menu and DMs', () => {
    expect(fromApiInteraction(autocompleteOf('nmi', 'ask', { name: 'question', value: 'wh' }) as never)).toMatchObject({ kind: 'autocomplete', focused: { name: 'question', value: 'wh' } });
    expect(fromApiInteraction(button('nmi:a:en:x') as never)).toMatchObject({ kind: 'component', customId: 'nmi:a:en:x', values: [] });
    expect(fromApiInteraction(messageMenu('Ask NMI bot', 'text') as never)).toMatchObject({ kind: 'message-context', targetContent: 'text' });
    expect(fromApiInteraction(slash('nmi', 'help', [], { inGuild: false }) as never)).toMatchObject({ guildId: null, member: { permissions: null, guildId: null } });
  });
});

describe('configuration', () => {
  it('has defaults for everything but the token and client id', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ apiUrl: DEFAULT_API_URL, knowledgeDir: './knowledge', logLevel: 'info', cooldown: { max: 5, windowMs: 20_000 }, adminRoleIds: [] });
  });
  it('reads the freshness age (default 730 days) and KNOWLEDGE_WATCH (default off)', () => {
    expect(loadConfig({})).toMatchObject({ freshnessDays: 730, knowledgeWatch: false });
    expect(loadConfig({ FRESHNESS_MAX_AGE_DAYS: '365', KNOWLEDGE_WATCH: 'true' })).toMatchObject({ freshnessDays: 365, knowledgeWatch: true });
    expect(loadConfig({ FRESHNESS_MAX_AGE_DAYS: '', KNOWLEDGE_WATCH: '' })).toMatchObject({ freshnessDays: 730, knowledgeWatch: false });
    expect(() => loadConfig({ FRESHNESS_MAX_AGE_DAYS: 'two years' })).toThrow(/FRESHNESS_MAX_AGE_DAYS/);
    expect(() => loadConfig({ KNOWLEDGE_WATCH: 'sometimes' })).toThrow(/KNOWLEDGE_WATCH/);
  });
  it('parses lists and the API base', () => {
    const c = loadConfig({ ADMIN_ROLE_IDS: `${IDS.adminRole}, ${IDS.guild}`, DISCORD_API_URL: 'http://127.0.0.1:9999/api/' });
    expect(c.adminRoleIds).toEqual([IDS.adminRole, IDS.guild]);
    expect(c.apiUrl).toBe('http://127.0.0.1:9999/api');
  });
  it('names the variable and the fix, and never echoes the token', () => {
    const err = (() => {
      try {
        loadConfig({ DISCORD_TOKEN: 'short-secret', COOLDOWN_MAX: '-1', DISCORD_API_URL: 'https://discord.com/api/v10' }, { requireAuth: true });
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('no error');
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toMatch(/DISCORD_TOKEN: .*Developer Portal/);
    expect(err.message).toMatch(/COOLDOWN_MAX: /);
    expect(err.message).toMatch(/DISCORD_API_URL: must not end with the API version/);
    expect(err.message).not.toContain('short-secret');
    expect(() => loadConfig({}, { requireAuth: true })).toThrow(/DISCORD_TOKEN: is missing[\s\S]*DISCORD_CLIENT_ID: is missing/);
  });
});

describe('cooldown and metrics', () => {
  it('allows max questions per window per user', () => {
    const c = new Cooldown(2, 1000);
    expect(c.take('a', 0)).toBe(0);
    expect(c.take('a', 100)).toBe(0);
    expect(c.take('a', 200)).toBe(800);
    expect(c.take('b', 200)).toBe(0);
    expect(c.take('a', 1001)).toBe(0);
  });
  it('counts answers and gives latency percentiles', () => {
    const m = new Metrics();
    expect(m.percentile(50)).toBeNull();
    for (let i = 1; i <= 100; i++) m.record(i % 10 ? 'answered' : 'no_match', i);
    expect(m.answered).toBe(90);
    expect(m.declined).toBe(10);
    expect(m.percentile(50)).toBe(50);
    expect(m.percentile(99)).toBe(99);
  });
});

describe('rendering an answer', () => {
  const long = (n: number) => 'Lorem ipsum dolor sit amet. '.repeat(Math.ceil(n / 28)).slice(0, n);
  const source = (i: number) => ({ id: `s${i}`, title: long(200), publisher: long(100), url: `https://example.org/${i}`, date: '2020-03-04', kind: 'news' as const });
  const answer: Answer = {
    query: 'q @everyone',
    lang: 'en',
    status: 'answered',
    id: 'who-leads',
    question: long(100),
    answer: long(1000) + ' <@123456789012345678>',
    confidence: 0.9,
    sources: Array.from({ length: 12 }, (_, i) => source(i)),
    asOf: '2020-03-04',
    stale: true,
    developments: Array.from({ length: 20 }, (_, i) => ({ date: '2024-01-01', text: long(400), sources: [source(i)], newsOnly: true })),
    disputed: { text: long(500), sources: [source(1)] },
    related: Array.from({ length: 9 }, (_, i) => ({ id: `entry-${i}`, question: long(100) })),
    suggestions: [],
  };

  it('stays within every limit with the largest content the schema allows', () => {
    const body = reply(renderAnswer(answer));
    expect(validateInteractionCallback(body)).toEqual([]);
    const data = (body as { data: { embeds: { footer: { text: string }; description: string }[]; components: { components: unknown[] }[] } }).data;
    expect(data.embeds[0]!.footer.text).toContain('this may have changed');
    expect(data.embeds[0]!.description).not.toMatch(/<@\d/);
    expect(data.components[0]!.components.length).toBe(5);
  });

  it('shows every later development of a typical answer, the newest included', () => {
    const developments = ['2020-11-24', '2021-05-06', '2022-05-10', '2023-05-24', '2025-05-22'].map((date, i) => ({
      date,
      text: `Handover number ${i + 1}. ${long(300)}`,
      sources: [source(i)],
      newsOnly: i === 4,
    }));
    const body = reply(renderAnswer({ ...answer, answer: long(400), sources: [source(0)], developments, disputed: null }));
    expect(validateInteractionCallback(body)).toEqual([]);
    const fields = (body as { data: { embeds: { fields: { name: string; value: string }[] }[] } }).data.embeds[0]!.fields;
    expect(fields.map((f) => f.name)).toEqual(['Source', 'Since then · 24 November 2020', '6 May 2021', '10 May 2022', '24 May 2023', '22 May 2025']);
    expect(fields.at(-1)!.value).toContain('Handover number 5.');
    expect(fields.at(-1)!.value).toContain('news report only');
  });

  it('says it does not know, with did-you-mean buttons', () => {
    const body = reply(
      renderAnswer({ ...answer, lang: 'da', status: 'no_match', id: null, question: null, answer: null, sources: [], developments: [], disputed: null, related: [], suggestions: [{ id: 'who-leads', question: 'Hvem leder NMI?' }] }),
    );
    expect(validateInteractionCallback(body)).toEqual([]);
    const data = (body as { data: { embeds: { title: string; description: string }[]; components: { components: { custom_id: string }[] }[] } }).data;
    expect(data.embeds[0]!.title).toBe('Det ved jeg ikke');
    expect(data.embeds[0]!.description).toContain('@\u200beveryone');
    expect(data.components[0]!.components[0]!.custom_id).toBe('nmi:a:da:who-leads');
  });
});
