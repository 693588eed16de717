import Firebreak

/// The hashtags, mentions, links and media of one X post, read from either API version's entities.
struct XEntities {
    /// Hashtags with `#`.
    var hashtags: [String] = []
    /// Handles without `@`.
    var mentions: [String] = []
    /// Expanded link URLs.
    var links: [String] = []
    /// Attached media.
    var media: [Media] = []

    /// Reads v1.1 `entities`: `hashtags[].text`, `user_mentions[].screen_name`, `urls[].expanded_url`.
    /// v1.1 keeps media links out of `urls` (they are under `media`), so every URL counts as a link.
    static func v1(_ entities: JSONValue?) -> XEntities {
        var result = XEntities()
        guard let entities else { return result }
        entities.forEachMember { key, member in
            if key == "hashtags" {
                result.hashtags.reserveCapacity(member.value.count)
                member.value.forEachElement { tag in
                    if let text = tag["text"]?.nonEmptyString { result.hashtags.append("#" + text) }
                }
            } else if key == "user_mentions" {
                result.mentions.reserveCapacity(member.value.count)
                member.value.forEachElement { mention in
                    if let name = mention["screen_name"]?.nonEmptyString { result.mentions.append(name) }
                }
            } else if key == "urls" {
                result.links.reserveCapacity(member.value.count)
                member.value.forEachElement { url in
                    if let link = url["expanded_url"]?.nonEmptyString ?? url["url"]?.nonEmptyString {
                        result.links.append(link)
                    }
                }
            }
        }
        return result
    }

    /// Reads v1.1 media objects (`extended_entities.media` or `entities.media`): `type`,
    /// `media_url_https` (else `media_url`), `ext_alt_text`, `id_str`.
    static func v1Media(_ media: JSONValue?) -> [Media] {
        var result: [Media] = []
        media?.forEachElement { item in
            guard let kind = XText.mediaKind(item["type"]) else { return }
            result.append(
                Media(
                    kind: kind, url: item["media_url_https"]?.nonEmptyString ?? item["media_url"]?.nonEmptyString,
                    altText: item["ext_alt_text"]?.nonEmptyString, key: item["id_str"]?.nonEmptyString ?? item["id"]?.idString
                ))
        }
        return result
    }

    /// Reads v2 `entities`: `hashtags[].tag`, `mentions[].username`, `urls[].expanded_url` (else `url`).
    ///
    /// v2 lists the `pic.twitter.com` link of attached media among `urls`, marked with a `media_key`;
    /// those are skipped so links mean the same in both versions (the media are read from attachments).
    static func v2(_ entities: JSONValue?) -> XEntities {
        var result = XEntities()
        guard let entities else { return result }
        entities.forEachMember { key, member in
            if key == "hashtags" {
                result.hashtags.reserveCapacity(member.value.count)
                member.value.forEachElement { tag in
                    if let text = tag["tag"]?.nonEmptyString { result.hashtags.append("#" + text) }
                }
            } else if key == "mentions" {
                result.mentions.reserveCapacity(member.value.count)
                member.value.forEachElement { mention in
                    if let name = mention["username"]?.nonEmptyString { result.mentions.append(name) }
                }
            } else if key == "urls" {
                result.links.reserveCapacity(member.value.count)
                member.value.forEachElement { url in
                    var expanded: JSONValue?
                    var short: JSONValue?
                    var isMedia = false
                    url.forEachMember { key, member in
                        if key == "expanded_url" {
                            expanded = member.value
                        } else if key == "url" {
                            short = member.value
                        } else if key == "media_key" {
                            isMedia = true
                        }
                    }
                    if !isMedia, let link = expanded?.nonEmptyString ?? short?.nonEmptyString { result.links.append(link) }
                }
            }
        }
        return result
    }

    /// Reads one v2 media object: `type`, `url` (photos) else `preview_image_url` (videos, GIFs),
    /// `alt_text`, `media_key`. Nil for unknown types and for the empty objects twarc writes when a
    /// media key was not in the page's includes.
    static func v2Media(_ item: JSONValue) -> Media? {
        var type: JSONValue?
        var url: JSONValue?
        var preview: JSONValue?
        var alt: JSONValue?
        var key: JSONValue?
        item.forEachMember { name, member in
            if name == "type" {
                type = member.value
            } else if name == "url" {
                url = member.value
            } else if name == "preview_image_url" {
                preview = member.value
            } else if name == "alt_text" {
                alt = member.value
            } else if name == "media_key" {
                key = member.value
            }
        }
        guard let kind = XText.mediaKind(type) else { return nil }
        return Media(
            kind: kind, url: url?.nonEmptyString ?? preview?.nonEmptyString, altText: alt?.nonEmptyString,
            key: key?.nonEmptyString)
    }
}
