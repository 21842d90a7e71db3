// Our synonyms and broader terms: the words people use -> the icon that draws them best.
// Full-body drawings are chosen over face-only ones; each line is "icon: word, word, ...".
const TABLE = `
automobile: car, sedan, automobile, coupe, hatchback, convertible, vehicle, auto
sport-utility-vehicle: suv, jeep
racing-car: race car, racecar, sports car, formula one, f1
taxi: taxi, cab
police-car: police car, cop car
delivery-truck: truck, lorry, van, delivery truck
pickup-truck: pickup, pickup truck
fire-engine: fire truck, firetruck, fire engine
bus: bus, coach, school bus
minibus: minibus, camper, campervan, minivan
motorcycle: motorcycle, motorbike
motor-scooter: scooter, moped, vespa
bicycle: bicycle, bike, cycle
tractor: tractor
locomotive: train, locomotive, steam train, steam engine
airplane: airplane, plane, aeroplane, jet, airliner, aircraft, jumbo jet
helicopter: helicopter, chopper
rocket: rocket, spaceship, space ship, spacecraft, rocket ship, shuttle
flying-saucer: ufo, flying saucer
sailboat: boat, sailboat, sailing boat, yacht, dinghy, pirate ship, sailing ship, galleon, tall ship
passenger-ship: ship, cruise ship, ocean liner, steamship
motor-boat: motorboat, motor boat, speedboat
canoe: canoe, kayak, rowboat
deciduous-tree: tree, oak, maple, elm, birch, willow, beech, ash tree, apple tree, oak tree, treehouse, bush, shrub
tanabata-tree: bamboo, bamboo stalk, bamboo shoot
evergreen-tree: pine, fir, spruce, pine tree, fir tree, conifer, cedar
christmas-tree: christmas tree, xmas tree
palm-tree: palm, palm tree, coconut tree
tulip: flower, flowers, tulip, bloom
rose: rose, roses
sunflower: sunflower
blossom: daisy, blossom
cherry-blossom: cherry blossom, sakura
potted-plant: plant, houseplant, potted plant, pot plant
four-leaf-clover: clover, shamrock, four leaf clover
maple-leaf: leaf, leaves, maple leaf, autumn leaf
mushroom: mushroom, toadstool, fungus
cactus: cactus, cacti, succulent
dog: dog, puppy, pup, doggy, doggo, hound, canine, retriever, labrador, corgi, beagle, shiba, husky, dachshund, terrier, pug
poodle: poodle
cat: cat, kitten, kitty, cats, feline, tabby, pussycat
bird: bird, sparrow, robin, songbird, finch, bluebird, pigeon, seagull, gull
fox: fox, red fox
horse: horse, pony, stallion, mare, foal, steed
unicorn: unicorn
cow: cow, cattle, calf, bull
ox: ox
pig: pig, piglet, hog, swine
ewe: sheep, lamb, ewe
ram: ram
goat: goat, kid goat
chicken: chicken, hen
baby-chick: chick, baby chick, baby chicken
rooster: rooster, cockerel
duck: duck, duckling, mallard
goose: goose
swan: swan
owl: owl
eagle: eagle, hawk, falcon
parrot: parrot, macaw, cockatoo
penguin: penguin
flamingo: flamingo
peacock: peacock
dove: dove
fish: fish, trout, salmon fish, cod, carp
tropical-fish: goldfish, tropical fish, clownfish, angelfish, koi
blowfish: pufferfish, blowfish
shark: shark
whale: whale, orca
dolphin: dolphin, porpoise
octopus: octopus
squid: squid
jellyfish: jellyfish
crab: crab
lobster: lobster
shrimp: shrimp, prawn
spiral-shell: shell, seashell, conch
turtle: turtle, tortoise, sea turtle
frog: frog, toad
snake: snake, serpent, cobra, python
lizard: lizard, gecko, iguana
crocodile: crocodile, alligator, croc
t-rex: dinosaur, t rex, trex, tyrannosaurus, dino
sauropod: brontosaurus, diplodocus, sauropod, brachiosaurus
dragon: dragon
lion: lion, lioness
tiger: tiger
leopard: leopard, cheetah, jaguar, panther
bear: bear, grizzly
polar-bear: polar bear
panda: panda, panda bear, red panda
koala: koala
monkey: monkey, chimp, chimpanzee, ape
gorilla: gorilla
orangutan: orangutan
elephant: elephant
mammoth: mammoth
giraffe: giraffe
zebra: zebra
deer: deer, reindeer, fawn, stag, doe
moose: moose, elk
camel: camel, dromedary
llama: llama, alpaca
hippopotamus: hippo, hippopotamus
rhinoceros: rhino, rhinoceros
kangaroo: kangaroo, wallaby
rabbit: rabbit, bunny, hare
mouse: mouse, mice
rat: rat
hamster: hamster, guinea pig, gerbil
chipmunk: squirrel, chipmunk
hedgehog: hedgehog, porcupine
raccoon: raccoon
sloth: sloth
otter: otter
beaver: beaver
badger: badger
skunk: skunk
bat: bat
wolf: wolf, wolves, coyote
bison: bison, buffalo
boar: boar, warthog
seal: seal, sea lion, walrus
butterfly: butterfly, moth
honeybee: bee, bumblebee, honeybee, wasp
lady-beetle: ladybug, ladybird
ant: ant
spider: spider, tarantula
snail: snail, slug
worm: worm, caterpillar
bug: bug, insect
mosquito: mosquito
scorpion: scorpion
person-standing: person, human, someone, figure, adult, people
man-standing: man, guy, gentleman
woman-standing: woman, lady
person-walking: walker, pedestrian, hiker
person-running: runner, jogger, athlete
boy: boy, kid, child, children, schoolboy
girl: girl, schoolgirl
baby: baby, infant, toddler
old-man: old man, grandpa, grandfather
old-woman: old woman, grandma, grandmother
astronaut: astronaut, cosmonaut, spaceman
police-officer: police officer, policeman, cop
firefighter: firefighter, fireman
cook: chef, cook
farmer: farmer
scientist: scientist
teacher: teacher
student: student
artist: artist, painter
singer: singer
detective: detective
ninja: ninja
prince: prince, knight
princess: princess, queen
person-with-crown: king
mx-claus: santa, santa claus, father christmas
person-superhero: superhero
person-mage: wizard, witch, sorcerer, mage
person-fairy: fairy
person-merpeople: mermaid, merman
person-vampire: vampire
person-zombie: zombie
person-elf: elf
robot: robot, android, droid, cyborg
alien: alien, extraterrestrial, martian
ghost: ghost, spirit
skull: skull, skeleton
snowman: snowman
sun: sun, sunshine
crescent-moon: moon, crescent, crescent moon
full-moon: full moon
star: star, stars
glowing-star: shining star, bright star
shooting-star: shooting star, falling star
comet: comet, meteor, asteroid
ringed-planet: planet, saturn, jupiter, mars
globe-showing-americas: earth, globe, world, planet earth
milky-way: milky way, nebula
cloud: cloud, clouds
rainbow: rainbow
high-voltage: lightning bolt, thunderbolt, bolt
snowflake: snowflake, snowflakes
droplet: drop, droplet, raindrop, water drop, water, tear
water-wave: wave, waves, surf, tsunami
fire: fire, flame, flames, campfire, bonfire, blaze
volcano: volcano
mountain: mountain, mountains, peak, cliff
snow-capped-mountain: snowy mountain, snow capped mountain, alp
rock: rock, stone, boulder, pebble
wood: log, logs, wood, firewood, lumber, timber
tornado: tornado, twister
umbrella: umbrella, parasol
closed-umbrella: closed umbrella
house: house, home, cottage, cabin, bungalow, villa, roof, rooftop
house-with-garden: farmhouse, house with garden
hut: hut, shack
houses: houses, village, neighborhood
derelict-house: haunted house, abandoned house, ruin
office-building: building, skyscraper, office, tower block, apartment, apartment building
castle: castle, palace, fortress, sandcastle, sand castle
japanese-castle: pagoda
church: church, chapel, cathedral
classical-building: museum, temple, courthouse, bank building
factory: factory, plant building, mill
hospital: hospital
school: school, schoolhouse
stadium: stadium, arena
tent: tent, camp
circus-tent: circus, circus tent, big top
statue-of-liberty: statue of liberty, statue
tokyo-tower: eiffel tower, tower, radio tower
bridge-at-night: bridge
fountain: fountain
ferris-wheel: ferris wheel
roller-coaster: roller coaster, rollercoaster
carousel-horse: carousel, merry go round
desert-island: island, desert island
red-apple: apple, apples, red apple
green-apple: green apple
pear: pear
banana: banana, bananas
tangerine: orange, oranges, tangerine, mandarin, clementine
lemon: lemon
lime: lime
grapes: grapes, grape, vineyard
strawberry: strawberry, strawberries
cherries: cherry, cherries
watermelon: watermelon
melon: melon, cantaloupe
pineapple: pineapple
peach: peach, apricot, nectarine
mango: mango
kiwi-fruit: kiwi
coconut: coconut
avocado: avocado
tomato: tomato
eggplant: eggplant, aubergine
carrot: carrot
ear-of-corn: corn, maize
hot-pepper: chili, chilli, pepper, jalapeno
bell-pepper: bell pepper, green pepper, capsicum
broccoli: broccoli
leafy-green: lettuce, cabbage, kale, spinach
cucumber: cucumber, pickle
potato: potato
onion: onion
garlic: garlic
peanuts: peanut, peanuts, nut, nuts
chestnut: chestnut, acorn
bread: bread, loaf, toast
baguette-bread: baguette
croissant: croissant
pretzel: pretzel
bagel: bagel
pancakes: pancake, pancakes
waffle: waffle
cheese-wedge: cheese
egg: egg, eggs
cooking: fried egg
bacon: bacon
meat-on-bone: meat, ham
cut-of-meat: steak
poultry-leg: drumstick
hamburger: hamburger, burger, cheeseburger
french-fries: fries, french fries, chips
pizza: pizza, slice of pizza, pizza slice
hot-dog: hot dog, hotdog, sausage
sandwich: sandwich
taco: taco
burrito: burrito, wrap
green-salad: salad
spaghetti: spaghetti, pasta, noodles
steaming-bowl: ramen, pho, noodle soup
pot-of-food: soup, stew, pot
sushi: sushi, sushi roll, maki
dumpling: dumpling
cooked-rice: rice
shortcake: cake, slice of cake
birthday-cake: birthday cake
cupcake: cupcake, muffin
pie: pie, tart
cookie: cookie, biscuit
doughnut: donut, doughnut
ice-cream: ice cream, sundae, gelato
soft-ice-cream: ice cream cone, soft serve
shaved-ice: shaved ice
lollipop: lollipop
candy: candy, sweet, sweets
chocolate-bar: chocolate, chocolate bar
custard: custard, pudding, flan, jello, jelly
honey-pot: honey, honey pot, syrup, maple syrup, golden syrup, treacle, molasses
popcorn: popcorn
hot-beverage: coffee, tea, cup, mug, latte, cappuccino, espresso, hot chocolate, cocoa, cup of coffee, coffee cup
teacup-without-handle: teacup
teapot: teapot, kettle
glass-of-milk: milk, glass of milk
wine-glass: wine, wine glass, glass
cocktail-glass: cocktail, martini
tropical-drink: tropical drink, smoothie
beer-mug: beer, beer mug, ale
bubble-tea: boba, bubble tea
cup-with-straw: soda, juice, drink, soft drink
bottle-with-popping-cork: champagne, bottle
fork-and-knife-with-plate: plate, dish, dinner
bowl-with-spoon: bowl, cereal
spoon: spoon
kitchen-knife: knife
soccer-ball: ball, soccer ball, football, soccer
american-football: american football, rugby ball
basketball: basketball
baseball: baseball
tennis: tennis ball, tennis
volleyball: volleyball, beach ball
bowling: bowling, bowling ball
trophy: trophy, cup trophy
sports-medal: medal
kite: kite
balloon: balloon, balloons, party balloon
wrapped-gift: gift, present, gift box, parcel
teddy-bear: teddy bear, teddy, stuffed animal, plush
game-die: dice, die
puzzle-piece: puzzle, jigsaw
yo-yo: yoyo, yo yo
guitar: guitar, electric guitar
violin: violin, fiddle, cello
musical-keyboard: piano, keyboard instrument
trumpet: trumpet, horn
saxophone: saxophone, sax
drum: drum, drums
banjo: banjo
accordion: accordion
flute: flute
microphone: microphone, mic
headphone: headphones, headphone, earphones
musical-note: note, music, melody
books: books, library, bookshelf
closed-book: book, novel
open-book: open book
newspaper: newspaper
scroll: scroll
pencil: pencil
pen: pen
paintbrush: paintbrush, brush
crayon: crayon
artist-palette: palette, paint
scissors: scissors
straight-ruler: ruler
envelope: envelope, letter, mail
laptop: laptop, computer, notebook computer
desktop-computer: monitor, desktop, pc, screen, computer monitor
mobile-phone: phone, smartphone, cellphone, mobile phone, iphone
telephone: telephone
television: tv, television
camera: camera
video-camera: video camera, camcorder
alarm-clock: clock, alarm clock
mantelpiece-clock: mantel clock
watch: watch, wristwatch
hourglass-done: hourglass
light-bulb: light bulb, lightbulb, bulb, idea
candle: candle, candles
diya-lamp: lamp, oil lamp
flashlight: flashlight, torch
red-paper-lantern: lantern
key: key
old-key: old key
locked: lock, padlock
hammer: hammer
wrench: wrench, spanner
screwdriver: screwdriver
axe: axe, hatchet
carpentry-saw: saw, handsaw
toolbox: toolbox
ladder: ladder
magnet: magnet
telescope: telescope
microscope: microscope
magnifying-glass-tilted-left: magnifying glass, magnifier
compass: compass
world-map: map
gem-stone: gem, diamond, jewel, crystal
ring: ring, wedding ring
crown: crown, tiara
coin: coin, coins
money-bag: money, money bag
shield: shield
dagger: dagger, sword
bow-and-arrow: bow and arrow, bow, arrow
bomb: bomb
anchor: anchor
chair: chair, stool
seat: seat
couch-and-lamp: couch, sofa
bed: bed
door: door
window: window, windowsill, window sill
mirror: mirror
bathtub: bathtub, bath, tub
toilet: toilet
shower: shower
basket: basket
bucket: bucket, pail
broom: broom, broomstick
package: box, cardboard box, crate, package
amphora: vase, urn, jug
jar: jar
framed-picture: frame, picture frame, framed picture, photo, photograph, snapshot, polaroid, portrait, painting, picture
t-shirt: shirt, t shirt, tshirt, tee
dress: dress, gown
coat: coat, jacket, raincoat, overcoat
jeans: jeans, pants, trousers, overalls, dungarees
shorts: shorts
scarf: scarf
gloves: gloves, glove, mittens
socks: socks, sock
running-shoe: shoe, shoes, sneaker, sneakers, trainer
hiking-boot: boot, boots
high-heeled-shoe: high heel, heels
top-hat: hat, top hat
billed-cap: cap, baseball cap
womans-hat: sun hat
graduation-cap: graduation cap, mortarboard
necktie: tie, necktie, bowtie, bow tie
glasses: glasses, eyeglasses, spectacles
sunglasses: sunglasses, shades
handbag: handbag, purse, bag
backpack: backpack, rucksack, school bag
luggage: luggage, suitcase
briefcase: briefcase
red-heart: heart, love
wing: wing, wings
feather: feather
bone: bone
footprints: footprint, footprints
paw-prints: paw print, paw prints
eye: eye
anatomical-heart: anatomical heart
brain: brain
tooth: tooth
ear: ear
nose: nose
mouth: mouth, lips
leg: leg
foot: foot
flexed-biceps: arm, muscle, biceps
dna: dna
microbe: microbe, virus, bacteria, germ
pill: pill, medicine
syringe: syringe, needle
stethoscope: stethoscope
adhesive-bandage: bandage, plaster
satellite: satellite
satellite-antenna: satellite dish, antenna
parachute: parachute
skateboard: skateboard
roller-skate: roller skate
ice-skate: ice skate, skate
skis: ski, skis
sled: sled, sleigh, sledge
fishing-pole: fishing rod, fishing pole
nest-with-eggs: nest
empty-nest: empty nest
bubbles: bubble, bubbles
sparkles: sparkle, sparkles, glitter
fireworks: fireworks, firework
christmas-tree: christmas
jack-o-lantern: pumpkin, jack o lantern, halloween
moai: moai, easter island
mount-fuji: mount fuji, fuji
hot-springs: hot spring
`;

/** word or phrase -> icon name. */
export const CONCEPT_ICONS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const line of TABLE.trim().split('\n')) {
    const [icon, list] = line.split(': ');
    for (const word of list.split(', ')) if (!map.has(word)) map.set(word, icon);
  }
  return map;
})();

/** Things drawn from primitives (compose/draw/primitives.ts) rather than icons: phrase -> primitive. */
export const DRAWN: ReadonlyMap<string, string> = new Map([
  ['hot air balloon', 'hot-air-balloon'], ['table', 'table'], ['desk', 'table'], ['bench', 'bench'], ['lighthouse', 'lighthouse'], ['fence', 'fence'],
  // Things the icon set has no drawing of, whose nearest words would hijack them ("mat" -> a cup of mate).
  ['wire', 'wire'], ['power line', 'wire'], ['cable', 'wire'], ['clothesline', 'wire'],
  ['mat', 'mat'], ['rug', 'mat'], ['carpet', 'mat'], ['doormat', 'mat'],
  ['lily pad', 'lily-pad'], ['lilypad', 'lily-pad'], ['windmill', 'windmill'], ['fishbowl', 'fishbowl'], ['fish bowl', 'fishbowl'], ['goldfish bowl', 'fishbowl'], ['waterfall', 'waterfall'], ['falls', 'waterfall'], ['starfish', 'starfish'], ['sea star', 'starfish'],
  ['court', 'court'], ['tennis court', 'court'], ['basketball court', 'court'], ['wall', 'wall'], ['brick wall', 'wall'],
  ['blanket', 'mat'], ['picnic blanket', 'mat'], ['towel', 'mat'], ['beach towel', 'mat'],
  ['pillow', 'cushion'], ['cushion', 'cushion'], ['snow globe', 'snow-globe'], ['snowglobe', 'snow-globe'], ['barn', 'barn'], ['igloo', 'igloo'],
  ['sheet', 'rectangle'],
  ['toaster', 'toaster'], ['fridge', 'fridge'], ['refrigerator', 'fridge'], ['washing machine', 'washing-machine'], ['washer', 'washing-machine'],
  ['traffic light', 'traffic-light'], ['stoplight', 'traffic-light'], ['traffic signal', 'traffic-light'], ['nail', 'nail'],
  ['well', 'well'], ['wishing well', 'well'], ['pine cone', 'pinecone'], ['pinecone', 'pinecone'],
  ['popsicle', 'popsicle'], ['ice pop', 'popsicle'], ['ice lolly', 'popsicle'],
  ['saucer', 'saucer'], ['stall', 'stall'], ['market stall', 'stall'], ['lemonade stand', 'stall'], ['fruit stand', 'stall'], ['food stand', 'stall'],
  ['doghouse', 'doghouse'], ['dog house', 'doghouse'], ['kennel', 'doghouse'],
  ['cave', 'tunnel'], ['swing', 'swing'], ['scarecrow', 'scarecrow'], ['fireplace', 'fireplace'],
  ['fire hydrant', 'hydrant'], ['hydrant', 'hydrant'], ['submarine', 'submarine'], ['tunnel', 'tunnel'],
  ['launch pad', 'launch-pad'], ['launchpad', 'launch-pad'], ['mud', 'puddle'], ['puddle', 'puddle'], ['mud puddle', 'puddle'], ['beehive', 'beehive'], ['bee hive', 'beehive'], ['hive', 'beehive'], ['treasure chest', 'chest'], ['chest', 'chest'],
]);
