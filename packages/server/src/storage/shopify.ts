/** Shopify stores that installed the app: the offline Admin API token the install flow got for each (never logged, never sent). */

export interface ShopifyInstallation {
  shopId: number;
  /** `example.myshopify.com`. */
  domain: string;
  accessToken: string;
  scopes: string[];
  installedAt: string;
}

export interface ShopifyStorage {
  /** Keeps the store's token, replacing the one from an earlier install. */
  install(installation: ShopifyInstallation): Promise<void>;
  installation(shopId: number): Promise<ShopifyInstallation | undefined>;
  /** Forgets the token (`app/uninstalled`); false when there was none. */
  uninstall(shopId: number): Promise<boolean>;
}
