/// The scenario library's files, embedded so `firebreak drill NAME` works without them on disk.
///
/// Each text is byte for byte the file of the same name in `examples/scenarios/` (a test holds them equal);
/// edit the file, then copy it here.
enum EmbeddedScenarios {
    /// File texts by scenario name, in listing order.
    static let files: [(name: String, yaml: String)] = [
        ("steady-success", steadySuccess),
        ("viral-success", viralSuccess),
        ("mynypd", mynypd),
        ("slow-souring", slowSouring),
        ("troll-handful", trollHandful),
        ("bot-flood", botFlood),
        ("hijack-recovers", hijackRecovers),
        ("small-campaign-hijack", smallCampaignHijack),
    ]

    static let steadySuccess = #"""
        # A brand campaign that goes as hoped: customers post photos with their cup, a few grumbles, no turn.
        # Benign: a hijack detector must stay quiet; the volume rule sees the launch ramp.
        name: steady-success
        description: "Copperleaf Coffee's #MyCupStory: friendly photos at a steady ~300 posts/h for six hours"
        kit: cupstory
        seed: 101
        mixes:
          happy: {supportive_photo: 0.5, supportive: 0.2, neutral: 0.2, critical: 0.06, sarcastic: 0.03, offensive: 0.01, reposts: 0.25, replies: 0.08, quotes: 0.02}
        phases:
          - {name: launch, minutes: 60, state: healthy, rate: {points: [[0, 40], [60, 300]]}, mix: happy}
          - {name: steady, minutes: 300, state: healthy, rate: {points: [[0, 300], [120, 360], [300, 280]]}, mix: happy}
        """# + "\n"

    static let viralSuccess = #"""
        # The same campaign going viral: volume rises twentyfold with the same mix of posts.
        # Benign: what a volume alert calls a crisis is the campaign succeeding.
        name: viral-success
        description: "#MyCupStory goes viral: from ~300 to ~6,000 posts/h, same friendly mix"
        kit: cupstory
        seed: 102
        mixes:
          happy: {supportive_photo: 0.5, supportive: 0.2, neutral: 0.2, critical: 0.06, sarcastic: 0.03, offensive: 0.01, reposts: 0.25, replies: 0.08, quotes: 0.02}
        phases:
          - {name: launch, minutes: 60, state: healthy, rate: {points: [[0, 40], [60, 300]]}, mix: happy}
          - {name: steady, minutes: 60, state: healthy, rate: 300, mix: happy}
          - {name: going viral, minutes: 60, state: healthy, rate: {points: [[0, 300], [60, 6000]], interpolation: exponential}, mix: happy}
          - {name: viral, minutes: 120, state: healthy, rate: {points: [[0, 6000], [60, 6400], [120, 3000]]}, mix: happy}
        scripted:
          - {label: celebrity, minute: 125, handle: BrandBeatMag, voice: neutral, text: "Everyone is posting their #MyCupStory today, and they are lovely {link}", popularity: 300}
        """# + "\n"

    static let mynypd = #"""
        # The #myNYPD story of 22 April 2014, as in examples/mynypd: friendly photos, the turn at +57 min,
        # the flood near 9,000 posts/h, trending nationwide, the write-ups. Same bytes as `firebreak drill mynypd`.
        name: mynypd
        description: "#myNYPD, 22 April 2014: hijacked at +57 min, peaking near 9,000 posts/h"
        kit: mynypd
        seed: 20140422
        start: "2014-04-22T17:55:00Z"
        mixes:
          friendly: {supportive_photo: 0.58, supportive: 0.2, neutral: 0.15, critical: 0.04, sarcastic: 0.03, reposts: 0.22, replies: 0.08, quotes: 0.02}
          turning: {supportive_photo: 0.22, supportive: 0.1, neutral: 0.1, critical: 0.33, sarcastic: 0.25, reposts: 0.3, replies: 0.1, quotes: 0.03}
          flood: {supportive_photo: 0.02, supportive: 0.06, neutral: 0.1, critical: 0.44, sarcastic: 0.33, offensive: 0.05, reposts: 0.36, replies: 0.1, quotes: 0.03}
          trending: {supportive_photo: 0.01, supportive: 0.08, neutral: 0.2, critical: 0.38, sarcastic: 0.28, offensive: 0.05, reposts: 0.34, replies: 0.1, quotes: 0.03}
        phases:
          - {name: call to action, minutes: 3, state: healthy, rate: 0, mix: friendly}
          - {name: friendly photos, minutes: 54, state: healthy, rate: {points: [[0, 30], [54, 60]]}, mix: friendly}
          - {name: the turn, minutes: 33, state: hijacked, rate: {points: [[0, 150], [33, 2500]], interpolation: exponential}, mix: turning, mix_end: flood}
          - {name: the flood, minutes: 20, state: hijacked, rate: {points: [[0, 2500], [8, 7800], [12, 8800], [20, 3200]]}, mix: flood}
          - {name: trending nationwide, minutes: 40, state: hijacked, rate: {points: [[0, 2800], [40, 350]], interpolation: exponential}, mix: flood, mix_end: trending}
          - {name: the write-ups, minutes: 30, state: hijacked, rate: {points: [[0, 350], [30, 200]]}, mix: trending}
        """# + "\n"

    static let slowSouring = #"""
        # A transit agency's campaign that sours slowly: the critical share creeps up over four hours, no spike.
        # Onset: the start of the souring (minute 90). The volume rule has nothing to see.
        name: slow-souring
        description: "#MyMetroMoment sours over hours at ~1,200 posts/h: critical share 6% -> 55%"
        kit: transit
        seed: 104
        mixes:
          happy: {supportive_photo: 0.5, supportive: 0.2, neutral: 0.2, critical: 0.06, sarcastic: 0.03, offensive: 0.01, reposts: 0.25, replies: 0.08, quotes: 0.02}
          sour: {supportive_photo: 0.1, supportive: 0.1, neutral: 0.25, critical: 0.35, sarcastic: 0.17, offensive: 0.03, reposts: 0.3, replies: 0.1, quotes: 0.03}
        phases:
          - {name: launch, minutes: 30, state: healthy, rate: {points: [[0, 200], [30, 1200]]}, mix: happy}
          - {name: friendly, minutes: 60, state: healthy, rate: 1200, mix: happy}
          - {name: souring, minutes: 240, state: hijacked, rate: {points: [[0, 1200], [240, 1400]]}, mix: happy, mix_end: sour}
        """# + "\n"

    static let trollHandful = #"""
        # A successful campaign with five hostile accounts posting abuse all afternoon (about 20 posts an hour each).
        # Benign: a handful of trolls is not a hijack, however loud.
        name: troll-handful
        description: "#MyCupStory at ~800 posts/h with five trolls posting ~120 abusive posts/h between them"
        kit: cupstory
        seed: 105
        mixes:
          happy: {supportive_photo: 0.5, supportive: 0.2, neutral: 0.2, critical: 0.06, sarcastic: 0.03, offensive: 0.01, reposts: 0.25, replies: 0.08, quotes: 0.02}
          trolled: {supportive_photo: 0.5, supportive: 0.2, neutral: 0.2, critical: 0.06, sarcastic: 0.03, offensive: 0.17, reposts: 0.22, replies: 0.1, quotes: 0.02}
        phases:
          - {name: launch, minutes: 30, state: healthy, rate: {points: [[0, 100], [30, 800]]}, mix: happy}
          - {name: steady, minutes: 90, state: healthy, rate: 800, mix: happy}
          - {name: the trolls arrive, minutes: 180, state: healthy, rate: 900, mix: trolled}
        accounts:
          - {handle: CoffeeTruther, role: troll, display_name: "Coffee Truther", followers: 35, created: "2015-01-20T09:00:00Z", joins_at_minute: 120, share: 0.3}
          - {handle: bean_rage_88, role: troll, display_name: "bean rage", followers: 12, created: "2015-02-27T22:00:00Z", joins_at_minute: 122, share: 0.3}
          - {handle: NoMoreLattes, role: troll, display_name: "No More Lattes", followers: 210, created: "2014-06-02T12:00:00Z", joins_at_minute: 125, share: 0.3}
          - {handle: grumpyespresso, role: troll, display_name: "grumpy", followers: 64, created: "2013-11-11T11:00:00Z", joins_at_minute: 130, share: 0.3}
          - {handle: Decaf_Dave, role: troll, display_name: "Dave", followers: 8, created: "2015-03-01T08:00:00Z", joins_at_minute: 135, share: 0.3}
        populations:
          - {role: troll, newcomer_share: 0, fresh_account_share: 0, followers_scale: 20, followers_shape: 1.5}
        casting:
          offensive: {troll: 1}
        """# + "\n"

    static let botFlood = #"""
        # A transit campaign hit by a bot flood: every minute for half an hour, dozens of brand-new accounts post
        # the same attack (with small edits) and retweet one post. Onset: the first burst (minute 120).
        name: bot-flood
        description: "#MyMetroMoment at ~1,000 posts/h flooded by ~2,000 near-identical bot posts/h for 30 minutes"
        kit: transit
        seed: 106
        mixes:
          happy: {supportive_photo: 0.5, supportive: 0.2, neutral: 0.2, critical: 0.06, sarcastic: 0.03, offensive: 0.01, reposts: 0.25, replies: 0.08, quotes: 0.02}
        phases:
          - {name: launch, minutes: 30, state: healthy, rate: {points: [[0, 150], [30, 1000]]}, mix: happy}
          - {name: steady, minutes: 90, state: healthy, rate: 1000, mix: happy}
          - {name: bot flood, minutes: 30, state: hijacked, rate: 1000, mix: happy}
          - {name: after the flood, minutes: 60, state: recovering, rate: 1000, mix: happy}
        accounts:
          - {handle: MetroTruthNow, role: bot, display_name: "Metro Truth", followers: 3, created: "2016-09-13T02:00:00Z", share: 0}
        scripted:
          - {label: bait, minute: 119.5, handle: MetroTruthNow, voice: critical, text: "Riverton Metro wastes millions while the lifts rot. Don't post their propaganda #MyMetroMoment {link}", theme: waste, popularity: 5}
        bursts:
          - minute: 120
            repeats: 30
            every_minutes: 1
            posts: 28
            within_seconds: 45
            voice: critical
            role: bot
            variation: 0.35
            theme: waste
            texts:
              - "Riverton Metro is a disgrace. Broken lifts, late trains, corrupt board. #MyMetroMoment {link}"
              - "Riverton Metro board are corrupt and wasting our money. Fire them all #MyMetroMoment"
              - "Fares up, service down. Riverton Metro is the worst transit in the country #MyMetroMoment {link}"
          - minute: 120.5
            repeats: 10
            every_minutes: 3
            posts: 25
            within_seconds: 40
            voice: critical
            role: bot
            repost_of: bait
            theme: waste
        """# + "\n"

    static let hijackRecovers = #"""
        # A brand campaign hijacked by a labour dispute at minute 90 that the company answers; the mood recovers.
        name: hijack-recovers
        description: "#MyCupStory at ~1,500 posts/h hijacked over baristas' pay at +90 min, recovering an hour later"
        kit: cupstory
        seed: 107
        mixes:
          happy: {supportive_photo: 0.5, supportive: 0.2, neutral: 0.2, critical: 0.06, sarcastic: 0.03, offensive: 0.01, reposts: 0.25, replies: 0.08, quotes: 0.02}
          turning: {supportive_photo: 0.3, supportive: 0.15, neutral: 0.15, critical: 0.25, sarcastic: 0.15, offensive: 0.02, reposts: 0.3, replies: 0.1, quotes: 0.03}
          angry: {supportive_photo: 0.05, supportive: 0.1, neutral: 0.15, critical: 0.4, sarcastic: 0.25, offensive: 0.05, reposts: 0.35, replies: 0.1, quotes: 0.03}
        phases:
          - {name: launch, minutes: 30, state: healthy, rate: {points: [[0, 200], [30, 1500]]}, mix: happy}
          - {name: friendly, minutes: 60, state: healthy, rate: 1500, mix: happy}
          - {name: the pay row, minutes: 45, state: hijacked, rate: {points: [[0, 1800], [15, 4000], [45, 3000]]}, mix: turning, mix_end: angry}
          - {name: the apology, minutes: 60, state: recovering, rate: {points: [[0, 2500], [60, 1500]]}, mix: angry, mix_end: happy}
          - {name: back to cups, minutes: 60, state: healthy, rate: 1500, mix: happy}
        scripted:
          - {label: turn, minute: 90, handle: BaristasUnited, voice: critical, text: "Here's our #MyCupStory: Copperleaf cut the hours of every barista who signed the union letter. Shame on you @CopperleafCafe {link}", theme: wages, popularity: 150}
          - {label: apology, minute: 140, handle: CopperleafCafe, voice: supportive, text: "We hear you. From today every Copperleaf barista gets guaranteed hours and sick pay. Thank you for telling us. #MyCupStory", popularity: 200}
        """# + "\n"

    static let smallCampaignHijack = #"""
        # A small transit campaign (~100 posts/h) taken over by riders angry about a broken lift at minute 120.
        # Exercises the 15-minute target at 100 posts/h: few posts, so little evidence per minute.
        name: small-campaign-hijack
        description: "#MyMetroMoment at ~100 posts/h hijacked at +120 min (~65% critical at ~140 posts/h)"
        kit: transit
        seed: 108
        mixes:
          happy: {supportive_photo: 0.5, supportive: 0.2, neutral: 0.2, critical: 0.06, sarcastic: 0.03, offensive: 0.01, reposts: 0.25, replies: 0.08, quotes: 0.02}
          angry: {supportive_photo: 0.05, supportive: 0.1, neutral: 0.15, critical: 0.42, sarcastic: 0.22, offensive: 0.06, reposts: 0.3, replies: 0.12, quotes: 0.03}
        phases:
          - {name: launch, minutes: 20, state: healthy, rate: {points: [[0, 20], [20, 100]]}, mix: happy}
          - {name: friendly, minutes: 100, state: healthy, rate: 100, mix: happy}
          - {name: the lift, minutes: 90, state: hijacked, rate: {points: [[0, 120], [30, 160], [90, 140]]}, mix: angry}
        scripted:
          - {label: turn, minute: 120, handle: LiftsForAll, voice: critical, text: "Our #MyMetroMoment: the Central lift has been broken for ten weeks and wheelchair users are stranded. Fix it @RivertonMetro {link}", theme: lifts, popularity: 60}
        """# + "\n"
}
