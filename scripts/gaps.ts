// npm run gaps -- [--days N] [--db PATH] [--json] [--lang en|da]
// The most frequent questions the bot could not answer, read offline from the feedback database.
import { main } from '../src/feedback/cli.js';

main('gaps');
