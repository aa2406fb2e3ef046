import type { ShopifyInstallation, ShopifyStorage } from '../storage/index.js';
import { toInstallation } from '../storage/rows.js';
import type { Db, Row } from './database.js';

export class SqliteShopify implements ShopifyStorage {
  constructor(private readonly db: Db) {}

  async install(installation: ShopifyInstallation): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO shopify_installations (shop_id, domain, access_token, scopes, installed_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (shop_id) DO UPDATE SET domain = excluded.domain, access_token = excluded.access_token,
           scopes = excluded.scopes, installed_at = excluded.installed_at`,
      )
      .run(installation.shopId, installation.domain, installation.accessToken, installation.scopes.join(','), installation.installedAt);
  }

  async installation(shopId: number): Promise<ShopifyInstallation | undefined> {
    const row = this.db.prepare('SELECT * FROM shopify_installations WHERE shop_id = ?').get(shopId) as Row | undefined;
    return row ? toInstallation(row) : undefined;
  }

  async uninstall(shopId: number): Promise<boolean> {
    return this.db.prepare('DELETE FROM shopify_installations WHERE shop_id = ?').run(shopId).changes > 0;
  }
}
