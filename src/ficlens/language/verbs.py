"""Speech, thought and tag verbs: the one list every stage reads (the quote detector to tell
speech from titles, the cast to find names beside "said", the speaker stage to find tags)."""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (easy to read and extend)."""
    return frozenset(words.split())


SPEECH_VERBS = word_set("""
chattered chatters prattled prattles gushed gushes subjoined
accosted accosting add added adding addressed addressing adds admit admits admitted agree agreed
agrees announce announced announces answer answered answering answers argued argues ask asked asking
asks assented assents asserted asserts assure assured assures babbled babbles bark barked barks
bawled bawls beg began begged begin beginning begins begs bellow bellowed bellows blurted blurts
blustered breathe breathed breathes cackled cackles call called calling calls cautioned cautions
chanted chants chirped chirps choked chuckle chuckled chuckles comforted commanded commands
complained complains concede conceded concedes conclude concluded concludes concluding confess
confessed confesses consoled continue continued continues continuing cooed coos correct corrected
corrects counseled counselled counter countered cried cries croak croaked croaks crooned croons crow
crowed crowing crows cry
crying declare declared declares demand demanded demands drawl drawled drawls echoed echoes
ejaculated encouraged encourages enquire enquired enquires entreated entreats exclaim exclaimed
exclaiming exclaims explain explained explains faltered falters finish finished flashed gasp gasped
gasps giggle giggled giggles go goes groan groaned groans growl growled growls grumble grumbled
grumbles grunted grunts hazarded hiss hissed hisses hollered hollers howled howls huff huffed
implored implores inquire inquired inquires insist insisted insists interjected interjects
interposed interrupt interrupted interrupting interrupts intoned intones joke joked jokes lamented
laments laugh laughed laughs lisped lisps mention mentioned mimicked mimics moan moaned moans
mourned mourns mumble mumbled mumbles murmur murmured murmurs muse mused muses mutter muttered
mutters note noted objected objects observe observed observes observing offer offered offers opined
ordered orders panted pants persist persisted persists piped pipes plead pleaded pleads point
pointed press pressed promised promises prompt prompted prompts proposed proposes protest protested
protests purr purred purrs pursued pursues queried queries quip quipped quoth rasped rasps reasoned
reasons reassure reassured recited recites rejoin rejoined rejoining remark remarked remarks
reminded reminds remonstrated repeat repeated repeats replied replies reply replying respond
responded responds resume resumed resumes retort retorted retorts return returned returning returns
roar roared roars said sang say saying says scoff scoffed scoffs scream screamed screams screeched
screeches shout shouted shouts shriek shrieked shrieks shrilled sigh sighed sighs simpered simpers
sings snap snapped snaps snarl snarled sneer sneered sneers sniffed sniffs sniggered snorted snorts
sob sobbed sobs soothed soothes speak speaks spluttered spoke spoken sputtered squeak squeaked
squeaks squeal squealed stammer stammered stammers stated states stutter stuttered stutters suggest
suggested suggests supplied tease teased teases tell tells thundered thunders told urge urged urges
uttered utters ventured ventures volunteered volunteers wail wailed wails warn warned warns went
whimper whimpered whimpers whisper whispered whispering whispers yell yelled yells yelped yelps
contradicted contradicts blubbered murmuring muttering shouting screaming stammering gasping sighing
groaning protesting repeating remarking inquiring enquiring explaining pleading insisting begging
demanding declaring announcing suggesting whimpering sobbing retorting
confirmed confirms concurred concurs greeted greets spat chortled chortles hummed hums trilled trills
tutted whined whines tittered corroborated acknowledged admonished advised affirmed apologized
apologised boomed booms chided coaxed confided mocked ranted reiterated scolded snickered taunted
vowed wheezed slurred exploded acquiesced quavered questioned quoted enunciated
hooted jeered interpreted yawned proclaimed proclaims
acknowledges acquiesces admonishes advises affirms apologizes apologises blusters chides coaxes
confides consoles counters hoots interposes jeers mocks quavers quips rants reiterates scolds
shrills slurs snarls snickers sniggers splutters sputters squeals supplies taunts titters
wheezes deadpans deadpanned snarks snarked rumbles rumbled singsongs singsonged huffs
""")

# Verbs of a thought tag. Narrow on purpose: "remembered", "hoped" are mostly plain narration.
THOUGHT_VERBS = word_set("""
think thinks thought thinking wonder wonders wondered wondering reflect reflected reflects
ponder pondered ponders realize realized realise realised
""")

# Words of writing: a tag for a letter or a note ('"…," wrote Mr. Collins'), never a cue for speech.
WRITING_VERBS = word_set("read reads wrote writes")

# Verbs that usually sit in a tag only with a complement ("smiled", "nodded" are beats, not tags):
# a quote next to them is attributed as an action beat rather than an explicit tag.
BEAT_ONLY = word_set("grinned grins smiled smiles nodded nods shrugged")

# Every verb that can head a speech tag.
TAG_VERBS = SPEECH_VERBS | THOUGHT_VERBS | WRITING_VERBS | BEAT_ONLY

# Verbs that tag speech only with their particle: '"…," put in Fielding', '"…," broke out the Nawab'.
PHRASAL: dict[str, tuple[str, ...]] = {
    "put": ("in",), "puts": ("in",), "broke": ("out", "in"), "breaks": ("out", "in"),
    "struck": ("in",), "strikes": ("in",), "chimed": ("in",), "chimes": ("in",), "cut": ("in",),
    "burst": ("out", "forth"), "bursts": ("out", "forth"), "spoke": ("up",), "piped": ("up",),
}
