import Foundation
import Testing

@testable import Firebreak

@Suite struct CampaignTests {
    @Test func hashtagsAndOwnersAreNormalised() {
        let campaign = Campaign(name: "c", hashtags: ["myNYPD", " #NYPD "], owners: ["NYPDnews", "@NYPDCommish "])
        #expect(campaign.hashtags == ["#myNYPD", "#NYPD"])
        #expect(campaign.owners == ["@NYPDnews", "@NYPDCommish"])
    }

    @Test func targetDefaultsToTheCampaignName() {
        let campaign = Campaign(name: "McDStories", hashtags: ["#McDStories"])
        #expect(campaign.target.name == "McDStories")
        #expect(campaign.target.aliases.isEmpty)
    }

    @Test func targetNamesCoverEveryNameOnceCaseInsensitively() {
        let campaign = Campaign(
            name: "myNYPD", hashtags: ["#myNYPD", "#NYPD"], owners: ["@NYPDnews", "@nypd"],
            target: .init(name: "NYPD", aliases: ["police", "Police", "cops", ""]))
        #expect(campaign.targetNames == ["NYPD", "police", "cops", "myNYPD", "NYPDnews"])
    }

    @Test func isOwnerIgnoresCaseAndAt() {
        let campaign = myNYPD()
        #expect(campaign.isOwner(handle: "NYPDnews"))
        #expect(campaign.isOwner(handle: "@nypdnews"))
        #expect(campaign.isOwner(handle: "NYPDNEWS"))
        #expect(!campaign.isOwner(handle: "NYPDnews2"))
        #expect(!campaign.isOwner(handle: "@"))
        #expect(!Campaign(name: "c", hashtags: ["#c"]).isOwner(handle: "anyone"))
    }

    @Test func carriesHashtagIgnoresCase() {
        let campaign = myNYPD()
        var post = makePost("1")
        post.hashtags = ["#MYNYPD"]
        #expect(campaign.carriesHashtag(post))
        post.hashtags = ["#nypd", "#police"]
        #expect(!campaign.carriesHashtag(post))
        post.hashtags = []
        #expect(!campaign.carriesHashtag(post))
    }
}
