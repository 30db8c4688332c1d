"""Development aid: lays PNG screenshots side by side into one contact sheet."""
import sys
from PIL import Image

out, files = sys.argv[1], sys.argv[2:]
imgs = [Image.open(f) for f in files]
cols = min(5, len(imgs))
w = max(i.width for i in imgs)
h = max(i.height for i in imgs)
rows = (len(imgs) + cols - 1) // cols
sheet = Image.new("RGB", (cols * w, rows * h), "white")
for k, im in enumerate(imgs):
    sheet.paste(im, ((k % cols) * w, (k // cols) * h))
scale = min(1.0, 2000 / sheet.width)
if scale < 1:
    sheet = sheet.resize((int(sheet.width * scale), int(sheet.height * scale)))
sheet.save(out)
