import { describe, expect, it } from 'vitest';
import { JsonlChild, type Message } from './child.ts';

describe('play --jsonl: a package instead of a choice id', () => {
  it('a malformed package gets an error naming what is wrong and the same turn again; a whole package is played or refused, never a crash', async () => {
    const bot = new JsonlChild(['play', 'tutorial', '--jsonl']);
    try {
      let turn = (await bot.next())!;
      // Reach the table, where packages belong.
      while (turn.type === 'turn' && turn.phase === 'prep') {
        bot.send(turn.choices![0]!.id + '\n');
        turn = (await bot.next())!;
      }
      expect(turn).toMatchObject({ type: 'turn', phase: 'negotiation' });
      const refused = async (line: string, message: RegExp) => {
        bot.send(line + '\n');
        const error = await bot.next();
        expect(error, line).toMatchObject({ type: 'error' });
        expect(error!.message, line).toMatch(message);
        expect(await bot.next(), line).toEqual(turn);
      };
      await refused('{"propose":', /not valid JSON/);
      await refused('{"propose":"price"}', /propose: .*expected record/);
      await refused('{"propose":{}}', /one option for each issue/);
      await refused('{"propose":{"price":3}}', /propose\.price: .*expected string/);
      await refused('{"propose":{"price":"list"},"also":1}', /also/);
      await refused('{"offer":{"price":"list"}}', /a package is \{"propose"/);
      await refused('{"propose":{"price":"free","term":"one-year"}}', /no valid option for "Annual price"/);
      await refused('{"propose":{"price":"list","constructor":"one-year"}}', /^no issue "constructor" in this scenario; issues: price, term$/);
      await refused('{"propose":{"__proto__":"list","toString":"one-year"}}', /^no issue "toString"/);

      // A package naming one option per issue: once proposals are playable it moves the game on (the
      // next turn, or the result); until then it is refused like a choice that is not available.
      bot.send(JSON.stringify({ propose: turn.terms }) + '\n');
      const answer = (await bot.next()) as Message;
      if (answer.type === 'error') {
        expect(answer.message).toMatch(/cannot be proposed at this point|propos/);
        expect(await bot.next()).toEqual(turn);
      } else if (answer.type === 'turn') expect(answer.turn).toBe(turn.turn! + 1);
      else expect(answer.type).toBe('result');
      bot.endInput();
      await bot.exited;
      expect(bot.stderr).toBe('');
    } finally {
      bot.kill();
    }
  }, 30_000);
});
