/// The #myNYPD story's pieces as a kit, so a scenario file can replay or vary the story.
enum MyNYPDKit {
    static let kit = StoryKit(
        name: "mynypd", summary: "a police department asks for photos with officers (#myNYPD, 2014)",
        campaign: MyNYPDStory.campaign, start: MyNYPDStory.launchedAt, phrases: MyNYPDPhrases.book,
        roster: MyNYPDAccounts.roster, scripted: MyNYPDStory.scripted, populations: MyNYPDStory.populations,
        casting: MyNYPDStory.casting
    )
}
