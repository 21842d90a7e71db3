// Shapes drawn from primitives in a 100x100 box: the shapes people ask for ("three blue circles"),
// a few things the icon set lacks (a hot air balloon, a table), and the stand-in for unknown things.
import { n } from './numbers.js';
import { shade } from './palette.js';

export const DEFAULT_SHAPE_COLOR = '#5b8def';

function polygon(sides: number, radius = 46, rotation = -Math.PI / 2, inner?: number): string {
  const points: string[] = [];
  const total = inner ? sides * 2 : sides;
  for (let i = 0; i < total; i++) {
    const r = inner && i % 2 === 1 ? inner : radius;
    const angle = rotation + (i * 2 * Math.PI) / total;
    points.push(`${n(50 + r * Math.cos(angle))} ${n(50 + r * Math.sin(angle))}`);
  }
  return `M${points.join('L')}z`;
}

/** Path data of a shape in a 100x100 box, centred on (50, 50); used by patterns too. */
export function shapePath(shape: string): string {
  switch (shape) {
    case 'square': return 'M6 6h88v88H6z';
    case 'rectangle': return 'M4 22h92v56H4z';
    case 'trapezoid': return 'M24 22h52l20 56H4z';
    case 'cone': return 'M50 6L84 82A34 12 0 0 1 16 82z';
    case 'crescent': return 'M62 8A44 44 0 1 0 92 70A36 36 0 1 1 62 8z';
    case 'triangle': case 'pyramid': return 'M50 6L95 88H5z';
    case 'pentagon': return polygon(5);
    case 'hexagon': return polygon(6, 46, 0);
    case 'octagon': return polygon(8, 46, Math.PI / 8);
    case 'star': return polygon(5, 48, -Math.PI / 2, 20);
    case 'heart': return 'M50 90C18 66 4 50 4 31A23 23 0 0 1 50 21A23 23 0 0 1 96 31C96 50 82 66 50 90z';
    case 'diamond': case 'rhombus': return 'M50 4L90 50L50 96L10 50z';
    case 'oval': case 'ellipse': return 'M4 50a46 32 0 1 0 92 0a46 32 0 1 0-92 0z';
    case 'cross': return 'M36 6h28v30h30v28H64v30H36V64H6V36h30z';
    case 'dot': return 'M30 50a20 20 0 1 0 40 0a20 20 0 1 0-40 0z';
    default: return 'M4 50a46 46 0 1 0 92 0a46 46 0 1 0-92 0z';
  }
}

/** The SVG elements for a primitive `name` in a 100x100 box. */
export function drawPrimitive(name: string, color: string | undefined): string {
  const fill = color ?? DEFAULT_SHAPE_COLOR;
  const dark = shade(fill, 0.75);
  switch (name) {
    case 'ring':
      return `<circle cx="50" cy="50" r="40" fill="none" stroke="${fill}" stroke-width="12"/>`;
    case 'sphere':
      return `<circle cx="50" cy="50" r="46" fill="${fill}"/><path d="M50 4a46 46 0 0 1 0 92a34 46 0 0 0 0-92z" fill="${dark}" opacity=".5"/><ellipse cx="36" cy="32" rx="12" ry="8" fill="#fff" opacity=".45"/>`;
    case 'cube':
      return `<path d="M50 6L90 26L50 46L10 26z" fill="${shade(fill, 1.15)}"/><path d="M10 26L50 46V94L10 74z" fill="${fill}"/><path d="M90 26L50 46V94L90 74z" fill="${dark}"/>`;
    case 'pyramid':
      return `<path d="M50 6L8 80L50 94z" fill="${fill}"/><path d="M50 6L92 80L50 94z" fill="${dark}"/>`;
    case 'hot-air-balloon': {
      const color2 = color ? shade(color, 1.25, 0.7) : '#ffd23f';
      return `<path d="M50 4C24 4 12 24 14 42C16 58 34 68 40 78H60C66 68 84 58 86 42C88 24 76 4 50 4z" fill="${color ?? '#ef476f'}"/>` +
        `<path d="M50 4C40 4 34 24 36 42C37 58 44 68 46 78H54C56 68 63 58 64 42C66 24 60 4 50 4z" fill="${color2}"/>` +
        `<path d="M41 78L44 88M59 78L56 88" stroke="#6b4f3a" stroke-width="2"/><path d="M42 87h16l-2 10H44z" fill="#a0703c"/>`;
    }
    case 'table':
      return `<path d="M6 40h88v9H6z" fill="${color ?? '#a0703c'}"/><path d="M14 49h8v45h-8zM78 49h8v45h-8z" fill="${shade(color ?? '#a0703c', 0.75)}"/>`;
    case 'bench':
      return `<path d="M8 30h84v10H8zM8 52h84v10H8z" fill="${color ?? '#b07a45'}"/><path d="M16 62h7v30h-7zM77 62h7v30h-7zM16 40h6v12h-6zM78 40h6v12h-6z" fill="#555"/>`;
    case 'lighthouse':
      return `<path d="M36 30h28l6 66H30z" fill="#fff"/><path d="M34 50h32l1 12H33zM32 74h36l1 12H31z" fill="${color ?? '#e63946'}"/><path d="M38 14h24v16H38z" fill="#ffd23f"/><path d="M34 14L50 2L66 14z" fill="${color ?? '#e63946'}"/>`;
    case 'fence':
      return `<path d="M4 40h92v8H4zM4 66h92v8H4z" fill="${color ?? '#c49a6c'}"/><path d="M10 26l6-8l6 8v70H10zM44 26l6-8l6 8v70H44zM78 26l6-8l6 8v70H78z" fill="${shade(color ?? '#c49a6c', 1.1)}"/>`;
    case 'wire':
      // Two poles and the line between them, high in the box so that birds "on a wire" sit on it.
      return `<path d="M4 22h6v74H4zM90 22h6v74h-6z" fill="#8d6e63"/><path d="M7 26Q50 40 93 26" fill="none" stroke="${color ?? '#37474f'}" stroke-width="2"/>`;
    case 'mat':
      return `<path d="M8 80h84v14H8z" fill="${color ?? '#c0504d'}"/><path d="M8 84h84v2H8zM8 89h84v2H8z" fill="${shade(color ?? '#c0504d', 1.35, 0.6)}"/><path d="M6 80v14M94 80v14" stroke="${shade(color ?? '#c0504d', 0.7)}" stroke-width="2" stroke-dasharray="2 1"/>`;
    case 'lily-pad':
      return `<path d="M50 72C22 72 6 78 6 84S22 96 50 96S94 90 94 84S78 72 50 72zM50 84L70 73.5Q60 72 50 72z" fill="${color ?? '#5aa469'}"/><path d="M50 84L70 73.5" stroke="${shade(color ?? '#5aa469', 0.75)}" stroke-width="1.5"/><path d="M50 84L24 78M50 84L30 91M50 84L74 91" stroke="${shade(color ?? '#5aa469', 1.2)}" stroke-width="1"/>`;
    case 'windmill':
      return `<path d="M40 36h20l8 60H32z" fill="${color ?? '#e9dcc9'}"/><path d="M36 36L50 24L64 36z" fill="#a0522d"/><path d="M45 80h10v16H45z" fill="#6b4f3a"/>` +
        `<g fill="#8d6e63"><path d="M49 34L47 4h6z"/><path d="M51 34L81 32v6z"/><path d="M51 36L53 66h-6z"/><path d="M49 36L19 38v-6z"/></g><circle cx="50" cy="35" r="3" fill="#555"/>`;
    case 'fishbowl':
      return `<path d="M30 18h40v6C88 32 94 56 84 74C76 90 62 96 50 96S24 90 16 74C6 56 12 32 30 24z" fill="#d8f1fb" opacity=".75"/><path d="M14 52C30 46 70 46 86 52C88 66 82 80 72 88C62 95 38 95 28 88C18 80 12 66 14 52z" fill="${color ?? '#7cc8f8'}" opacity=".55"/>` +
        `<path d="M30 18h40v6H30z" fill="#b3e5fc"/><path d="M24 40C20 50 20 62 26 72" fill="none" stroke="#fff" stroke-width="4" stroke-linecap="round" opacity=".7"/>`;
    case 'waterfall':
      return `<path d="M4 96V20L22 10L40 16V96zM60 96V14L80 8L96 18V96z" fill="#8d7b68"/><path d="M38 16h24v72H38z" fill="${color ?? '#6ec6f0'}"/>` +
        `<path d="M43 18v64M50 18v70M57 18v64" stroke="#e3f6fd" stroke-width="2.5" opacity=".8"/><path d="M28 96C30 86 42 84 50 88C58 84 70 86 72 96z" fill="#e3f6fd"/>`;
    case 'starfish':
      return `<path d="${shapePath('star')}" fill="${color ?? '#f4845f'}" stroke="${shade(color ?? '#f4845f', 0.8)}" stroke-width="4" stroke-linejoin="round"/><circle cx="50" cy="52" r="3" fill="${shade(color ?? '#f4845f', 0.8)}"/>`;
    case 'court':
      // Seen from the stands: a green court in perspective, its lines, and the net across the middle.
      return `<path d="M18 46h64l14 50H4z" fill="${color ?? '#4c9a5a'}"/><path d="M18 46h64l14 50H4zM50 46v50M12 68h76" fill="none" stroke="#fff" stroke-width="1.6"/>` +
        `<path d="M8 66h84v8H8z" fill="#fff" opacity=".35"/><path d="M8 66h84M8 74h84M8 62v14M92 62v14" stroke="#333" stroke-width="1.4"/>`;
    case 'wall': {
      const brick = color ?? '#b5523b';
      const rows = Array.from({ length: 7 }, (_, r) => `M4 ${34 + r * 9}h92`).join('');
      const joints = Array.from({ length: 7 }, (_, r) => Array.from({ length: 6 }, (_, k) => `M${4 + ((r % 2) * 8) + k * 16} ${34 + r * 9}v9`).join('')).join('');
      return `<path d="M4 34h92v62H4z" fill="${brick}"/><path d="${rows}${joints}" stroke="${shade(brick, 1.3, 0.4)}" stroke-width="1.5"/>`;
    }
    case 'cushion':
      return `<path d="M10 62Q8 50 20 48H80Q92 50 90 62L92 82Q92 92 80 92H20Q8 92 8 82z" fill="${color ?? '#c06c84'}"/><path d="M14 70H86" stroke="${shade(color ?? '#c06c84', 1.25)}" stroke-width="2" stroke-dasharray="3 3"/><circle cx="50" cy="70" r="3" fill="${shade(color ?? '#c06c84', 0.75)}"/>`;
    case 'snow-globe':
      return `<circle cx="50" cy="44" r="36" fill="#d8f1fb" opacity=".8"/><path d="M50 26L62 50H38zM50 38L66 62H34z" fill="#2e7d32"/><path d="M47 62h6v8h-6z" fill="#6d4c41"/>` +
        `<g fill="#fff"><circle cx="30" cy="30" r="2"/><circle cx="66" cy="24" r="2"/><circle cx="72" cy="46" r="2"/><circle cx="28" cy="54" r="2"/><circle cx="44" cy="18" r="2"/></g>` +
        `<path d="M26 74h48l6 18H20z" fill="${color ?? '#8d5524'}"/><path d="M24 40C24 28 32 18 42 14" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" opacity=".7"/>`;
    case 'barn':
      return `<path d="M10 44L50 14L90 44V94H10z" fill="${color ?? '#c0392b'}"/><path d="M10 44L50 14L90 44" fill="none" stroke="#fff" stroke-width="4"/>` +
        `<path d="M34 60h32v34H34z" fill="#fff"/><path d="M38 64h24v30H38z" fill="${shade(color ?? '#c0392b', 0.85)}"/><path d="M38 64L62 94M62 64L38 94" stroke="#fff" stroke-width="3"/><path d="M44 32h12v10H44z" fill="#fff"/>`;
    case 'igloo':
      return `<path d="M8 90C8 56 26 36 50 36S92 56 92 90z" fill="#dce9f2"/><path d="M14 72H86M10 84H90M20 60H80M32 48H68M40 36v12M60 36v12M30 48v12M70 48v12M22 60v12M50 60v12M78 60v12M36 72v12M64 72v12" stroke="#8fb3cc" stroke-width="1.5"/>` +
        `<path d="M38 90V74Q50 62 62 74V90z" fill="#4a6572"/>`;
    case 'launch-pad':
      return `<path d="M10 82h80v12H10z" fill="#78909c"/><path d="M20 94v-4M80 94v-4" stroke="#455a64" stroke-width="4"/><path d="M76 30h6v52h-6zM70 40h12M70 56h12M70 70h12" stroke="#e53935" stroke-width="3" fill="#e53935"/>`;
    case 'hydrant':
      return `<path d="M36 40h28v48H36z" fill="${color ?? '#d32f2f'}"/><path d="M32 86h36v8H32zM34 34h32v8H34z" fill="${shade(color ?? '#d32f2f', 0.8)}"/><path d="M38 34Q50 18 62 34z" fill="${color ?? '#d32f2f'}"/>` +
        `<path d="M26 54h10v12H26zM64 54h10v12H64z" fill="${shade(color ?? '#d32f2f', 0.8)}"/><circle cx="50" cy="60" r="6" fill="#ffd54f"/>`;
    case 'submarine':
      return `<path d="M8 62C8 46 26 40 50 40S92 46 92 62S74 84 50 84S8 78 8 62z" fill="${color ?? '#607d8b'}"/><path d="M40 26h20v16H40z" fill="${shade(color ?? '#607d8b', 0.85)}"/><path d="M50 14v12h8" fill="none" stroke="#455a64" stroke-width="3"/>` +
        `<g fill="#b3e5fc" stroke="#455a64" stroke-width="2"><circle cx="34" cy="60" r="6"/><circle cx="52" cy="60" r="6"/><circle cx="70" cy="60" r="6"/></g><path d="M92 56l6-8v28l-6-8z" fill="${shade(color ?? '#607d8b', 0.8)}"/>`;
    case 'tunnel':
      return `<path d="M4 96V52C4 30 26 14 50 14S96 30 96 52V96z" fill="${color ?? '#8d7b68'}"/><path d="M22 96V62C22 46 34 36 50 36S78 46 78 62V96z" fill="#263238"/>` +
        `<path d="M22 62C22 46 34 36 50 36S78 46 78 62" fill="none" stroke="#bcaaa4" stroke-width="4"/>`;
    case 'swing':
      return `<path d="M14 94L30 10H70L86 94" fill="none" stroke="${color ?? '#e76f51'}" stroke-width="6" stroke-linejoin="round"/><path d="M40 12v56M60 12v56" stroke="#6d4c41" stroke-width="2"/><path d="M34 68h32v6H34z" fill="#8d5524"/>`;
    case 'scarecrow':
      return `<path d="M47 30h6v66h-6z" fill="#8d5524"/><path d="M14 44h72v6H14z" fill="#8d5524"/><path d="M34 42h32l-4 30H38z" fill="${color ?? '#4f6d7a'}"/><path d="M16 46l-6 6M84 46l6 6M40 72l-4 8M60 72l4 8" stroke="#e9c46a" stroke-width="3"/>` +
        `<circle cx="50" cy="26" r="10" fill="#f4d35e"/><path d="M30 18h40l-8-4H38z" fill="#6d4c41"/><path d="M38 14Q50 0 62 14z" fill="#6d4c41"/><circle cx="46" cy="25" r="1.5" fill="#333"/><circle cx="54" cy="25" r="1.5" fill="#333"/>`;
    case 'fireplace':
      return `<path d="M8 30h84v66H8z" fill="${color ?? '#a0522d'}"/><path d="M4 24h92v8H4z" fill="#6d4c41"/><path d="M26 96V60C26 50 36 44 50 44S74 50 74 60V96z" fill="#2b1d14"/>` +
        `<path d="M8 46h18M74 46h18M8 62h18M74 62h18M8 78h18M74 78h18M17 30v16M83 30v16M17 62v16M83 62v16" stroke="${shade(color ?? '#a0522d', 1.3, 0.4)}" stroke-width="1.5"/>`;
    case 'saucer':
      return `<path d="M8 80C8 74 28 70 50 70S92 74 92 80S72 90 50 90S8 86 8 80z" fill="${color ?? '#f5f5f5'}" stroke="#bdbdbd" stroke-width="2"/><path d="M30 79C36 76 64 76 70 79" fill="none" stroke="#bdbdbd" stroke-width="2"/>`;
    case 'stall':
      return `<path d="M12 46h76v48H12z" fill="#d7b98e"/><path d="M8 52h84v10H8z" fill="#a1784f"/><path d="M16 62h6v32h-6zM78 62h6v32h-6z" fill="#8d5524"/>` +
        `<path d="M6 20h88l-6 22H12z" fill="#fff"/><path d="M6 20h15l-3 22h-6zM36 20h15l-1 22h-13zM66 20h15l1 22h-13z" fill="${color ?? '#e63946'}"/><path d="M12 42q5 6 10 0q5 6 10 0q5 6 10 0q5 6 10 0q5 6 10 0q5 6 10 0q5 6 10 0q5 6 10 0" fill="none" stroke="${color ?? '#e63946'}" stroke-width="3"/>`;
    case 'doghouse':
      return `<path d="M14 50L50 20L86 50V92H14z" fill="${color ?? '#c0392b'}"/><path d="M8 54L50 16L92 54" fill="none" stroke="#6d4c41" stroke-width="8" stroke-linejoin="round"/><path d="M36 92V70a14 14 0 0 1 28 0V92z" fill="#3e2723"/>`;
    case 'toaster':
      return `<path d="M14 44Q14 30 28 30H72Q86 30 86 44V88H14z" fill="${color ?? '#b0bec5'}"/><path d="M30 30h12v6H30zM56 30h12v6H56z" fill="#37474f"/><path d="M40 18h14v14H40z" fill="#e0a96d"/>` +
        `<path d="M86 52h6v14h-6z" fill="#455a64"/><path d="M14 80h72v8H14z" fill="${shade(color ?? '#b0bec5', 0.8)}"/><path d="M22 40v28" stroke="#fff" stroke-width="3" stroke-linecap="round" opacity=".6"/>`;
    case 'fridge':
      return `<path d="M24 6h52v88H24z" fill="${color ?? '#eceff1'}" stroke="#90a4ae" stroke-width="2"/><path d="M24 38h52" stroke="#90a4ae" stroke-width="2"/><path d="M66 16v14M66 48v24" stroke="#78909c" stroke-width="4" stroke-linecap="round"/>`;
    case 'washing-machine':
      return `<path d="M18 8h64v86H18z" fill="${color ?? '#eceff1'}" stroke="#90a4ae" stroke-width="2"/><path d="M18 24h64" stroke="#90a4ae" stroke-width="2"/><circle cx="50" cy="58" r="24" fill="#90caf9" stroke="#78909c" stroke-width="4"/>` +
        `<path d="M32 64Q41 56 50 64T68 64" fill="none" stroke="#fff" stroke-width="3"/><circle cx="28" cy="16" r="3" fill="#78909c"/><circle cx="38" cy="16" r="3" fill="#78909c"/><path d="M58 13h18v6H58z" fill="#b0bec5"/>`;
    case 'traffic-light':
      return `<path d="M47 60h6v36h-6z" fill="#546e7a"/><path d="M34 6h32v58H34z" fill="${color ?? '#37474f'}"/><circle cx="50" cy="18" r="7" fill="#e53935"/><circle cx="50" cy="35" r="7" fill="#fdd835"/><circle cx="50" cy="52" r="7" fill="#43a047"/>`;
    case 'nail':
      return `<path d="M30 14h40v8H30z" fill="${color ?? '#90a4ae'}"/><path d="M46 22h8v56l-4 12l-4-12z" fill="${color ?? '#90a4ae'}"/><path d="M48 24v50" stroke="#fff" stroke-width="1.5" opacity=".6"/>`;
    case 'well':
      return `<path d="M16 60h68v34H16z" fill="${color ?? '#9e9e9e'}"/><path d="M16 70h68M16 82h68M34 60v10M58 60v10M26 70v12M50 70v12M74 70v12M38 82v12M62 82v12" stroke="#757575" stroke-width="1.5"/>` +
        `<path d="M22 20h6v40h-6zM72 20h6v40h-6z" fill="#8d5524"/><path d="M12 22L50 6L88 22z" fill="#c0392b"/><path d="M28 36h44" stroke="#6d4c41" stroke-width="3"/><path d="M50 36v10" stroke="#6d4c41" stroke-width="1.5"/><path d="M44 46h12l-2 10H46z" fill="#8d5524"/>`;
    case 'pinecone':
      return `<path d="M50 8C68 8 78 30 76 52C74 74 62 92 50 94C38 92 26 74 24 52C22 30 32 8 50 8z" fill="${color ?? '#8d5524'}"/>` +
        `<path d="M30 34Q50 44 70 34M26 50Q50 62 74 50M28 66Q50 78 72 66M34 82Q50 90 66 82M50 10v82" fill="none" stroke="${shade(color ?? '#8d5524', 0.7)}" stroke-width="3"/>`;
    case 'popsicle':
      return `<path d="M46 66h8v28a4 4 0 0 1-8 0z" fill="#d7b98e"/><path d="M30 20a20 14 0 0 1 40 0V62a6 6 0 0 1-6 6H36a6 6 0 0 1-6-6z" fill="${color ?? '#ff7043'}"/>` +
        `<path d="M36 24v32" stroke="#fff" stroke-width="4" stroke-linecap="round" opacity=".45"/><path d="M30 44h40v6H30z" fill="${shade(color ?? '#ff7043', 1.25, 0.8)}"/>`;
    case 'puddle':
      return `<path d="M50 78C24 78 6 82 6 88S24 97 50 97S94 94 94 88S76 78 50 78z" fill="${color ?? '#6d4c41'}"/><path d="M30 86C38 84 48 84 56 85" fill="none" stroke="${shade(color ?? '#6d4c41', 1.3)}" stroke-width="2" stroke-linecap="round"/>`;
    case 'beehive':
      return `<path d="M50 14C30 14 18 30 18 48C18 66 26 84 30 90H70C74 84 82 66 82 48C82 30 70 14 50 14z" fill="${color ?? '#f2b33d'}"/>` +
        `<path d="M24 34h52M19 50h62M21 66h58M27 80h46" stroke="${shade(color ?? '#f2b33d', 0.75)}" stroke-width="3"/><path d="M42 74a8 8 0 0 1 16 0v8H42z" fill="#5d4037"/><path d="M50 6v8" stroke="#6d4c41" stroke-width="3"/>`;
    case 'chest':
      return `<path d="M12 44C12 28 28 22 50 22S88 28 88 44H12z" fill="${shade(color ?? '#8d5524', 1.1)}"/><path d="M12 44h76v44H12z" fill="${color ?? '#8d5524'}"/>` +
        `<path d="M12 44h76M30 25v63M70 25v63" stroke="#e0b84c" stroke-width="5"/><path d="M44 48h12v14H44z" fill="#e0b84c"/><circle cx="50" cy="54" r="2.5" fill="#5d4037"/>`;
    case 'blob':
      // A stand-in for a thing no icon draws: a soft pebble, clearly a placeholder, never nothing.
      return `<path d="M50 10C76 8 94 30 90 54C86 80 66 94 44 90C20 86 6 68 10 44C13 24 28 11 50 10z" fill="${color ?? '#9b8fd6'}"/>` +
        `<path d="M30 30C36 22 46 20 54 22" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round" opacity=".6"/>`;
    default:
      return `<path d="${shapePath(name)}" fill="${fill}"/>`;
  }
}
