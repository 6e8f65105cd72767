import type { SessionSettings } from './connection.ts';

/**
 * What one connection's session currently carries, so that settings are applied only when they
 * change. Parameters set once are reset to '' when later settings leave them out, so that no
 * setting outlives the work it was made for.
 */
export class SessionState {
  private key = '';
  private readonly names = new Set<string>();

  /** The statement (and its parameters) that brings the session to `settings`, or null when it is there already. */
  changeTo(settings: SessionSettings | null): { text: string; values: string[] } | null {
    const key = settings ? JSON.stringify([settings.role ?? null, settings.parameters]) : '';
    if (key === this.key) return null;
    const values: string[] = [];
    const placeholder = (value: string) => `$${values.push(value)}`;
    const calls = [`set_config('role', ${placeholder(settings?.role ?? 'none')}, false)`];
    const parameters = settings?.parameters ?? {};
    for (const name of new Set([...this.names, ...Object.keys(parameters)])) {
      this.names.add(name);
      calls.push(`set_config(${placeholder(name)}, ${placeholder(parameters[name] ?? '')}, false)`);
    }
    this.key = key;
    return { text: `select ${calls.join(', ')}`, values };
  }

  /** Forgets what was applied (the statement failed, so the session's state is unknown). */
  reset(): void {
    this.key = '\u0000unknown';
  }

  get isDefault(): boolean {
    return this.key === '';
  }
}
