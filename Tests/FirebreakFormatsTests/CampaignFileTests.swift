import Firebreak
import FirebreakFormats
import Foundation
import Testing

@Suite("Campaign files")
struct CampaignFileTests {
    @Test("the DESIGN.md example reads field by field")
    func designExample() throws {
        let campaign = try CampaignFile.parse(
            """
            name: myNYPD
            hashtags: ["#myNYPD"]
            owners: ["@NYPDnews"]
            target:
              name: NYPD
              aliases: ["NYPD", "New York Police Department", "police", "cops", "officer"]
            launched_at: 2014-04-22T17:55:00Z
            brief: "Do you have a photo w/ a member of the NYPD? Tweet us & tag it #myNYPD. It may be featured on our Facebook."
            """)
        #expect(campaign.name == "myNYPD")
        #expect(campaign.hashtags == ["#myNYPD"])
        #expect(campaign.owners == ["@NYPDnews"])
        #expect(campaign.target.name == "NYPD")
        #expect(campaign.target.aliases.count == 5)
        #expect(campaign.launchedAt == Date(timeIntervalSince1970: 1_398_189_300))
        #expect(campaign.brief?.hasPrefix("Do you have a photo") == true)
    }

    @Test("single values stand for lists, numbers for text, nulls for absent fields, a string for the target")
    func lenientShapes() throws {
        let campaign = try CampaignFile.parse("hashtags: \" myNYPD \"\nowners: NYPDnews\ntarget: NYPD\nlaunched_at:\nbrief: ~\n")
        #expect(campaign.name == "myNYPD" && campaign.hashtags == ["#myNYPD"] && campaign.owners == ["@NYPDnews"])
        #expect(campaign.target.name == "NYPD" && campaign.launchedAt == nil && campaign.brief == nil)
        #expect(try CampaignFile.parse("hashtags: [2014, \"#Ünïcödé_tag\", \"#東京\"]").hashtags == ["#2014", "#Ünïcödé_tag", "#東京"])
        #expect(try CampaignFile.parse("owners: [\"@fan@mastodon.social\", alice.bsky.social]\nname: x").owners.count == 2)
        #expect(
            try CampaignFile.parse("name: x\nlaunched_at: \"2014-04-22T17:55:00.5+02:00\"").launchedAt == Date(timeIntervalSince1970: 1_398_182_100.5)
        )
    }

    @Test(
        "a misspelt field, a wrong shape or a bad value is an error naming the field",
        arguments: [
            ("name: x\nhashtag: \"#myNYPD\"", "unknown field hashtag"),
            ("hashtags: [\"#myNYPD\"]\ntarget: {name: NYPD, alias: [police]}", "unknown field target.alias"),
            ("hashtags: [\"#\"]", "\"#\", which is not a hashtag"),
            ("hashtags: [\"\"]", "hashtags[0] is empty"),
            ("hashtags: [\"# my NYPD\"]", "not a hashtag"),
            ("hashtags: [\"#my-NYPD\"]", "not a hashtag"),
            ("hashtags: [{a: 1}]", "hashtags[0] must be text, not a mapping"),
            ("hashtags: [\"#myNYPD\"]\nowners: [\"NYPD news\"]", "not an account handle"),
            ("name: [1, 2]\nhashtags: [\"#myNYPD\"]", "name must be text, not a list"),
            ("name: \"  \"", "name is empty"),
            ("hashtags: [\"#myNYPD\"]\ntarget: [NYPD]", "target must be text, not a list"),
            ("hashtags: [\"#myNYPD\"]\ntarget: {aliases: [police]}", "target needs a name"),
            ("hashtags: [\"#myNYPD\"]\nlaunched_at: 12345", "launched_at is not an RFC 3339 time"),
            ("hashtags: [\"#myNYPD\"]\nlaunched_at: yesterday", "launched_at is not an RFC 3339 time"),
            ("hashtags: [\"#myNYPD\"]\nlaunched_at: 1999-12-31T23:00:00Z", "before 2000"),
            ("hashtags: [\"#myNYPD\"]\nlaunched_at: 2999-01-01T00:00:00Z", "in the future"),
            ("brief: only a brief", "missing name"),
            ("- a\n- b", "expected a mapping"),
            ("name: [unclosed", "not valid YAML"),
        ])
    func rejects(yaml: String, reason: String) {
        do {
            let campaign = try CampaignFile.parse(yaml, source: "c.yml")
            Issue.record("read \(campaign) from \(yaml)")
        } catch {
            #expect(error.file == "c.yml")
            #expect(error.reason.contains(reason), "\(error.reason)")
        }
    }
}
