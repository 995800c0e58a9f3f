/**
 * CloudBase timer triggers use a 7-field cron (second minute hour day month weekday year). croner
 * understands the first six; the year field must be "*" here (no trigger of ours pins a year).
 */
import { Cron } from 'croner';

export function parseCloudbaseCron(expression: string): Cron {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 7) throw new Error(`timer trigger "${expression}": CloudBase cron needs 7 fields`);
  if (fields[6] !== '*')
    throw new Error(`timer trigger "${expression}": a fixed year is not supported by the emulator`);
  return new Cron(fields.slice(0, 6).join(' '), { paused: true, timezone: 'Asia/Shanghai' });
}
