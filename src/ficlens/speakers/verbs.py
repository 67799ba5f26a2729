"""Speech verbs: the words that turn narration next to a quote into a speech tag."""

from __future__ import annotations

from ficlens.characters.lexicon import words

SPEECH_VERBS = words("""
echoed echoes remonstrated opined supplied exclaimed rejoined cried sneered interposed retorted
said says say saying asked asks ask replied replies reply answered answers answer cried cries
whispered whispers muttered mutters murmured murmurs snapped snaps hissed hisses growled growls
laughed laughs sighed sighs shouted shouts yelled yells screamed screams called calls exclaimed
exclaims added adds continued continues began begins went repeated repeats remarked remarks
observed observes returned returns rejoined retorted retorts responded responds demanded demands
inquired inquires enquired enquires begged begs pleaded pleads insisted insists protested
protests explained explains declared declares announced announces admitted admits agreed agrees
suggested suggests interrupted interrupts stammered stammers stuttered stutters groaned groans
moaned moans sobbed sobs wailed wails gasped gasps breathed breathes grumbled grumbles grunted
grunts barked barks roared roars bellowed bellows shrieked shrieks squeaked squeaks squealed
snorted snorts sneered sneers scoffed scoffs chuckled chuckles giggled giggles teased teases
joked jokes offered offers urged urges warned warns told tells commanded commands ordered orders
mumbled mumbles drawled drawls purred purrs crooned croons whimpered whimpers blurted blurts
spoke speaks thought thinks wondered wonders mused muses reasoned reasons argued argues
concluded concludes corrected corrects confessed confesses conceded concedes persisted persists
pursued pursues resumed resumes ventured ventures stated states uttered utters sang sings
chirped chirps piped pipes shrilled thundered thunders faltered falters cautioned cautions
assured assures promised promises observed reminded reminds hazarded proposed proposes
interposed interjected interjects objected objects queried queries wrote writes read reads
recited recites prompted prompts encouraged encourages cooed coos rasped rasps croaked croaks
panted pants spluttered sputtered blustered screeched screeches howled howls yelped yelps
hollered hollers bawled bawls ejaculated responded soothed soothes consoled comforted complained
complains lamented laments grinned grins smiled smiles nodded nods shrugged
adding accosted accosting addressed addressing concluding concluded calling crying exclaiming
replying answering whispering observing returning continuing interrupting rejoining beginning
assented assents entreated entreats implored implores flashed asserted asserts sniffed sniffs
mourned mourns volunteered volunteers counselled counseled
""")

# Verbs that usually sit in a tag only with a complement ("smiled", "nodded" are beats, not tags):
# a quote next to them is attributed as an action beat rather than an explicit tag.
BEAT_ONLY = frozenset(["grinned", "grins", "smiled", "smiles", "nodded", "nods", "shrugged"])

# Verbs that tag speech only with their particle: '"…," put in Fielding', '"…," broke out the Nawab'.
PHRASAL: dict[str, tuple[str, ...]] = {
    "put": ("in",), "puts": ("in",), "broke": ("out", "in"), "breaks": ("out", "in"),
    "struck": ("in",), "strikes": ("in",), "chimed": ("in",), "chimes": ("in",), "cut": ("in",),
    "burst": ("out",), "bursts": ("out",), "spoke": ("up",), "piped": ("up",),
}
