/**
 * Setting up a real installation, on the database the API uses (DATABASE_URL, or the
 * embedded PostgreSQL under CIVICGRID_DATA_DIR):
 *
 *   npm run admin -- create-admin --phone 13912345678 --name 王芳
 *       the first administrator (or another); the password is asked for at a terminal,
 *       or read from the first line of standard input: echo "$PW" | npm run admin -- create-admin …
 *   npm run admin -- import-regions tools/admin/samples/regions-wuhou.csv
 *       the region tree from a CSV file of national codes (see README, "Running for real")
 *
 * The migrations run first; the HTTP server is not started and demo data is never loaded.
 * Exit codes: 0 done, 1 refused (bad input, a phone already registered, a file with
 * problems: nothing was written), 2 usage, 78 bad settings.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { RegionImportError } from '@civicgrid/geo';
import { checkPasswordRules, maskPhone, normalizeMainlandMobile } from '@civicgrid/identity';
import { DomainError, RequestContext, SettingsError } from '@civicgrid/platform';
import { openAdminApp } from './admin-app';
import { Interrupted, PasswordInputError, readNewPassword } from './password';

const USAGE = `usage:
  npm run admin -- create-admin --phone <mobile number> --name <display name> [--locale zh-CN|zh-TW|en]
      the password: typed at the prompt, or the first line of standard input
  npm run admin -- import-regions <file.csv>
      columns: code,parent_code,name,level,latitude,longitude (and optionally name_en); header row required`;

class UsageError extends Error {}

async function createAdmin(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { phone: { type: 'string' }, name: { type: 'string' }, locale: { type: 'string' } }, strict: true });
  if (!values.phone || !values.name) throw new UsageError('create-admin needs --phone and --name');
  if (values.locale && !['zh-CN', 'zh-TW', 'en'].includes(values.locale)) throw new UsageError('--locale is zh-CN, zh-TW or en');
  // Checked before the password is asked for and before the database is opened; the service checks again.
  const phone = normalizeMainlandMobile(values.phone);
  const password = await readNewPassword();
  checkPasswordRules(password);
  const app = await openAdminApp();
  try {
    const user = await app.users.createAdministrator(RequestContext.system('admin-create-admin'), { phone, password, displayName: values.name, locale: values.locale });
    console.log(`administrator ${user.displayName} (${maskPhone(user.phone ?? '')}) created in ${app.where}`);
    console.log("sign in to the portal with this phone number and password; give officials their posts on the Officials' desk (Groups → Officials' desk) or with assignOfficial");
  } finally {
    await app.close();
  }
}

async function importRegions(args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError('import-regions takes one file');
  const [file] = positionals;
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const csv = readFileSync(file);
  const app = await openAdminApp();
  try {
    const s = await app.regions.importCsv(RequestContext.system('admin-import-regions'), csv);
    console.log(`regions imported from ${file} into ${app.where}: created ${s.created}, updated ${s.updated}${s.moved ? ` (${s.moved} moved)` : ''}, unchanged ${s.unchanged}`);
  } finally {
    await app.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return;
  }
  if (command === 'create-admin') return createAdmin(rest);
  if (command === 'import-regions') return importRegions(rest);
  throw new UsageError(command ? `unknown command ${command}` : 'which command?');
}

function exitCodeFor(err: unknown): number {
  if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`admin: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (err instanceof SettingsError) {
    console.error(err.message);
    return 78;
  }
  if (err instanceof Interrupted) return 130;
  if (err instanceof RegionImportError) {
    console.error(`admin: ${err.message}`);
    return 1;
  }
  if (err instanceof DomainError) {
    console.error(`admin: refused: ${err.message}${err.field ? ` (${err.field})` : ''}`);
    return 1;
  }
  if (err instanceof PasswordInputError) {
    console.error(`admin: ${err.message}`);
    return 1;
  }
  console.error(err);
  return 1;
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (err: unknown) => process.exit(exitCodeFor(err)),
);
