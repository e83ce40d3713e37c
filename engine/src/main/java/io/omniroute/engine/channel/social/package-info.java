/**
 * The social media channel's engine side: the registry of partner channels (a dealer's or agency's
 * own page, blog or account on a network: {@link io.omniroute.engine.channel.social.PartnerChannelService}
 * over a {@link io.omniroute.engine.channel.social.PartnerChannelStore}), the index of the posts
 * received ({@link io.omniroute.engine.channel.social.SocialPostStore}), and {@link
 * io.omniroute.engine.channel.social.SocialPosts}, which turns a post read by the {@code
 * io.omniroute.adapters.social} adapter into a contact, threads its replies and records its edits
 * and deletions.
 */
package io.omniroute.engine.channel.social;
