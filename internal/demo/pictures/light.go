package pictures

// light is the weather and hour of an outdoor picture: everything in it takes its
// colours from one, so that a picture hangs together.
type light struct {
	sky       []gradientStop // from the top of the picture (0) to the horizon (1)
	sun       rgb            // the glow about the sun, or the bright patch of an overcast sky
	sunGlow   float64        // its strength, 0 to 1
	sunHeight float64        // above the horizon, as a share of the sky
	haze      rgb            // what distance fades to
	ground    rgb
	walls     []rgb // façades
	window    rgb
	lit       rgb     // a lit window
	litShare  float64 // of windows lit
	dark      float64 // how far figures go to silhouettes: 0 their colours, 1 black shapes
	shadow    rgb     // the silhouette colour
	rain      bool
	indoor    bool // no clouds on a wall
}

func sky(stops ...uint32) []gradientStop {
	out := make([]gradientStop, len(stops))
	for i, s := range stops {
		out[i] = gradientStop{at: float64(i) / float64(max(1, len(stops)-1)), c: hex(s)}
	}
	return out
}

func colours(vs ...uint32) []rgb {
	out := make([]rgb, len(vs))
	for i, v := range vs {
		out[i] = hex(v)
	}
	return out
}

// Façades of a Belgian street: brick, whitewash, blue stone, pastel render.
var streetWalls = []uint32{0xa0523c, 0x8e4a36, 0xc9b8a0, 0xe2d8c3, 0x7d7f86, 0xb8875f, 0xd9c9a8, 0x9a6a52, 0xc4a484, 0x6f6a66, 0xe6d2b5, 0xa7b4b8}

// lights are the hours and weathers outdoor pictures are drawn in.
func lights() []light {
	walls := colours(streetWalls...)
	return []light{
		{ // a clear day
			sky: sky(0x3f78b5, 0x6c9fd0, 0xa9c9e3, 0xdbe6ec), sun: hex(0xfffbe8), sunGlow: 0.35, sunHeight: 0.8,
			haze: hex(0xc9d9e4), ground: hex(0x8d8a86), walls: walls, window: hex(0x3c4a57), lit: hex(0x6b7d8c), litShare: 0.1,
			dark: 0.15, shadow: hex(0x1d232b),
		},
		{ // late afternoon, warm and low
			sky: sky(0x4d6c9c, 0x8fa6c2, 0xe4c59a, 0xf3d59e), sun: hex(0xffe3a8), sunGlow: 0.55, sunHeight: 0.25,
			haze: hex(0xe8cfa4), ground: hex(0x7e6f62), walls: walls, window: hex(0x3a3430), lit: hex(0xf0c27a), litShare: 0.15,
			dark: 0.35, shadow: hex(0x2b2220),
		},
		{ // dusk: the sun gone, the sky orange under violet
			sky: sky(0x1f2450, 0x4a3d6e, 0xb0587a, 0xf08a5d, 0xf7c37a), sun: hex(0xffb26b), sunGlow: 0.6, sunHeight: 0.05,
			haze: hex(0xb8708a), ground: hex(0x3a2f3c), walls: colours(0x5a4658, 0x4d3b4f, 0x6b5163, 0x433449, 0x5e4a5a), window: hex(0x2e2434), lit: hex(0xffc870), litShare: 0.45,
			dark: 0.85, shadow: hex(0x17121d),
		},
		{ // a grey, rainy Belgian day
			sky: sky(0x6f767d, 0x8c9298, 0xa9adb1, 0xbfc1c2), sun: hex(0xd8d9d6), sunGlow: 0.25, sunHeight: 0.6,
			haze: hex(0xaeb2b5), ground: hex(0x5d6166), walls: walls, window: hex(0x33383d), lit: hex(0xe8d9a8), litShare: 0.2,
			dark: 0.3, shadow: hex(0x22262b), rain: true,
		},
		{ // overcast and dry, flat light
			sky: sky(0x8a97a3, 0xa5b0b9, 0xc3c9cd, 0xd6d8d6), sun: hex(0xf2f1ea), sunGlow: 0.3, sunHeight: 0.7,
			haze: hex(0xc5cacd), ground: hex(0x74767a), walls: walls, window: hex(0x3b4148), lit: hex(0xd9cfa8), litShare: 0.1,
			dark: 0.2, shadow: hex(0x23272c),
		},
		{ // the blue hour: street lights and windows on
			sky: sky(0x0f1a3a, 0x1f3566, 0x3f5d8f, 0x7d8fb0), sun: hex(0x9fb3d6), sunGlow: 0.3, sunHeight: 0.1,
			haze: hex(0x4f6288), ground: hex(0x2b2f3d), walls: colours(0x3b4358, 0x333a4e, 0x474d60, 0x2d3345), window: hex(0x222838), lit: hex(0xffd27d), litShare: 0.55,
			dark: 0.8, shadow: hex(0x0e1119),
		},
	}
}

// Clothes, hair and skin: muted, as a crowd in a street is.
var (
	clothesColours = []uint32{0x2f3b52, 0x3b3b3f, 0x5b6440, 0xb08a3e, 0x9c3b30, 0x48617f, 0x6b2e3a, 0x2f5240, 0xa88a6a, 0x1f1f22, 0x767b80, 0x2f6b70, 0xc0582f, 0x4a4058, 0xd9d2c3}
	hairColours    = []uint32{0x17120f, 0x2b1d15, 0x4a3222, 0x6b4a2f, 0x8c5a32, 0xc8a56a, 0x9b9590, 0xd8d4cc, 0x231a14}
	skinColours    = []uint32{0xf1c9a5, 0xe0ac84, 0xc68a62, 0x9b6743, 0x6e4a30, 0xf4d3b8}
	// Fabric of flags, banners and hats: the colours of unions, parties and causes.
	fabricColours = []uint32{0xc8232c, 0xd62f2f, 0x1f7a3a, 0x6a2c91, 0xf2c230, 0x1d4e9e, 0xe9e6df, 0x111111, 0xe06d1f, 0x2a9d8f}
)
