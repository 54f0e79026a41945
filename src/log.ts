// One pino logger for the bot. Secrets never reach it: the token is redacted
// wherever it might appear, and interaction tokens are never logged.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'nmi-bot' },
    redact: {
      paths: ['token', '*.token', 'config.token', 'headers.authorization', '*.headers.authorization', 'interaction.token'],
      censor: '[redacted]',
    },
    serializers: { err: pino.stdSerializers.err },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** A logger that drops everything (tests, --dry-run). */
export const silentLogger: Logger = pino({ level: 'silent' });
