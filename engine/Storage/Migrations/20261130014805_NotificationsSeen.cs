using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentProcedures.Engine.Storage.Migrations
{
    /// <inheritdoc />
    public partial class NotificationsSeen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An applicant's row keeps only the text written to them (changes requested, decided, a message): a note
            // between reviewers, such as a return's, was copied into rows written before and is dropped.
            migrationBuilder.Sql(
                "UPDATE Notifications SET Comment = NULL WHERE Recipient NOT LIKE 'role:%' "
                + "AND Kind NOT IN ('changes_requested', 'decided', 'message_posted')");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_Recipient_CreatedAt",
                table: "Notifications");

            migrationBuilder.CreateTable(
                name: "NotificationsSeen",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 110, nullable: false),
                    SeenUpTo = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationsSeen", x => x.UserId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Recipient_Territory_Id",
                table: "Notifications",
                columns: new[] { "Recipient", "Territory", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NotificationsSeen");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_Recipient_Territory_Id",
                table: "Notifications");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Recipient_CreatedAt",
                table: "Notifications",
                columns: new[] { "Recipient", "CreatedAt" });
        }
    }
}
