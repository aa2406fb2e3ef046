import type pg from 'pg';
import type { ShopifyInstallation, ShopifyStorage } from '../storage/index.js';
import { toInstallation } from '../storage/rows.js';
import { row } from './database.js';

export class PostgresShopify implements ShopifyStorage {
  constructor(private readonly pool: pg.Pool) {}

  async install(installation: ShopifyInstallation): Promise<void> {
    await this.pool.query(
      `INSERT INTO shopify_installations (shop_id, domain, access_token, scopes, installed_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (shop_id) DO UPDATE SET domain = excluded.domain, access_token = excluded.access_token,
         scopes = excluded.scopes, installed_at = excluded.installed_at`,
      [installation.shopId, installation.domain, installation.accessToken, installation.scopes.join(','), installation.installedAt],
    );
  }

  async installation(shopId: number): Promise<ShopifyInstallation | undefined> {
    const found = await row(this.pool, 'SELECT * FROM shopify_installations WHERE shop_id = $1', [shopId]);
    return found ? toInstallation(found) : undefined;
  }

  async uninstall(shopId: number): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM shopify_installations WHERE shop_id = $1', [shopId])).rowCount ?? 0) > 0;
  }
}
