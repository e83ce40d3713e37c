/**
 * Bearer-token authentication and role-based authorization for the HTTP API.
 *
 * <ul>
 *   <li>{@link io.omniroute.engine.auth.AccessTokens}: the configured tokens, held as SHA-256
 *       hashes only, looked up in constant time; from a YAML file, {@code OMNIROUTE_TOKENS}, or the
 *       public demo tokens.
 *   <li>{@link io.omniroute.engine.auth.Role} and {@link io.omniroute.engine.auth.Principal}: what
 *       a token may do, and who called.
 *   <li>{@link io.omniroute.engine.auth.AccessPolicy}: the access matrix, a pure function of the
 *       roles, the OpenAPI operationId and the path parameters.
 *   <li>{@link io.omniroute.engine.auth.Authorizer}: the Vert.x Web handler per operation that
 *       answers {@code 401} and {@code 403}, and puts the principal into the routing context.
 * </ul>
 *
 * Everything here is immutable and thread-safe.
 */
package io.omniroute.engine.auth;
