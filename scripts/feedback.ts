// npm run feedback -- [--days N] [--db PATH] [--json] [--lang en|da]
// 👍/👎 votes per knowledge entry, most disliked first, read offline from the feedback database.
import { main } from '../src/feedback/cli.js';

main('feedback');
