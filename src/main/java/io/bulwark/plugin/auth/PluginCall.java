package io.bulwark.plugin.auth;

/**
 * One authenticated plugin call: the site its bearer token belongs to.
 *
 * @param siteId the site the token was issued for
 * @param credentialId the plugin credential ({@code api.id}) that obtained the token
 * @param licenseMatches false when the {@code LicenseID} header names another credential
 */
public record PluginCall(long siteId, long credentialId, boolean licenseMatches) {
}
