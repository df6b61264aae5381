import { t, type MessageKey } from '../../core/i18n/catalogue.js';
import { ok } from '../../core/result.js';
import { finish, type CommandSpec } from '../command.js';

export const usersCommand: CommandSpec = {
  name: 'users',
  usage: 'anyqtama users [--json]',
  summary: { kk: 'Пайдаланушылар', ru: 'Пользователи', en: 'Users' },
  options: {},
  async run(ctx) {
    const result = await ctx.withService(async (_service, store) => ok(await store.listUsers()));
    return finish(ctx, result, (users) => {
      // Never print password hashes or keys: the list is for seeing who is who.
      const view = users.map(({ passwordHash: _h, publicKeys, signingKey, ...u }) => ({
        ...u,
        hasPassword: Boolean(_h),
        publicKeys: publicKeys?.length ?? 0,
        signingKey: signingKey ? { serial: signingKey.serial, issuer: signingKey.issuer, validTo: signingKey.validTo, demo: Boolean(signingKey.demo) } : null,
      }));
      if (ctx.json) ctx.io.out(JSON.stringify(view, null, 2));
      else for (const u of view) ctx.io.out(`${u.login.padEnd(14)} ${t(ctx.lang, `role.${u.role}` as MessageKey).padEnd(28)} ${(u.organisationId ?? '').padEnd(18)} ${u.fullName}`);
    });
  },
};
