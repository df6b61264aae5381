import { describe, expect, it } from 'vitest';
import { catalogue, t } from '../../src/core/i18n/catalogue.js';
import { actionName } from '../../src/core/i18n/labels.js';
import { ACTIONS, ROLES, STATES, isAction } from '../../src/core/request.js';

// Message keys built from typed values need no casts: `state.${State}` is a key because every state has one.
describe('states, roles and actions are named from the catalogue', () => {
  it('every state, role and action has its name in Kazakh and Russian', () => {
    const keys = [...STATES.map((s) => `state.${s}` as const), ...ROLES.map((r) => `role.${r}` as const), ...ACTIONS.map((a) => `action.${a}` as const)];
    for (const key of keys) {
      expect(catalogue[key].kk.length).toBeGreaterThan(0);
      expect(catalogue[key].ru.length).toBeGreaterThan(0);
    }
  });

  it('an action from a store summary is named in the reader\'s language; text that is no action is shown as it is', () => {
    expect(actionName('ru', 'issue')).toBe(t('ru', 'action.issue'));
    expect(actionName('kk', 'refuse')).toBe(t('kk', 'action.refuse'));
    expect(isAction('migrate')).toBe(false);
    expect(actionName('ru', 'migrate')).toBe('migrate');
  });
});
